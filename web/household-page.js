// The household page's entry: the form and plan on the whole document.
import { mountHousehold } from './household-app.js';
import { reloadOnNewVersion } from './offline-version.js';
import { reloadOnNewLink } from './new-link.js';

reloadOnNewVersion();
reloadOnNewLink();
mountHousehold(document.getElementById('app'), { pageLevel: true });
