// The household page's entry: the form and plan on the whole document.
import { mountHousehold } from './household-app.js';
import { reloadOnNewVersion } from './offline-version.js';

reloadOnNewVersion();
mountHousehold(document.getElementById('app'), { pageLevel: true });
