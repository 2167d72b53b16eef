// Finding a place by what people type: names, pinyin, initials, codes and addresses (河北石家庄,
// 郑州市金水区). Loaded with the region list (region-picker.js loadRegions) when a place field is
// first focused or typed in, not before the first answer. It imports nothing: a module the
// page's script imports too would make one more chunk, shared by the two (esbuild splits by the
// set of entries that import a module). So a place's label as the field shows it
// (region-picker.js regionLabel) is given to regionNamed.
// Among equal matches, the big cities come first — the four municipalities, the provincial
// capitals (codes xx0100) and the five cities with provincial-level budgets (计划单列市: 大连, 青岛,
// 宁波, 厦门, 深圳) — then the provinces, then the other cities: "zz" finds 郑州 before 漳州, 株洲
// and 枣庄, "gz" 广州 before 贵州 and 赣州, and "sz" 深圳 before 朔州.
const BIG_CITIES = new Set(['110000', '120000', '310000', '500000']);
for (const code of ['210200', '370200', '330200', '350200', '440300']) BIG_CITIES.add(code);
const rank = (region) =>
  BIG_CITIES.has(region.c) || region.c.endsWith('0100') ? 0 : region.c.endsWith('0000') ? 1 : 2;

// A district's or county's name without the word for its level: 朝阳区 → 朝阳, 昆山市 → 昆山.
export const districtBare = (name) => name.replace(/(?:自治县|自治旗|新区|区|县|旗|市)$/u, '');

/**
 * The regions `query` finds, best first: the name or code itself; then the whole pinyin or the
 * initials exactly ("gz"); then names and pinyin that start with it; initials or codes that start
 * with it; names that hold it ("州"); English names that start with it. Pinyin is matched from
 * its start only: "gz" does not find 杭州 inside "hangzhou".
 */
export function findRegions(regions, query, limit = 12) {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [];
  const score = (r) => {
    // A district (r.to) carries its region's code, which it is not found by.
    const code = !r.to && r.c;
    if (r.n === query.trim() || code === q) return 0;
    if (r.p === q || r.i === q) return 1;
    if (r.n.startsWith(q) || r.p.startsWith(q)) return 2;
    if (r.i.startsWith(q) || (code && code.startsWith(q))) return 3;
    if (r.n.includes(q)) return 4;
    if (r.e?.toLowerCase().replace(/[\s']/g, '').startsWith(q)) return 5;
    return 9;
  };
  const found = regions.map((r) => [score(r), r]).filter(([s]) => s < 9);
  // A city named as its own province (吉林市 in 吉林省) comes before the province: people are
  // insured in the city (walk 60: "吉林" took the province, and a parent in 吉林市 was then
  // "省内跨统筹区"). Only within the province: 青海's 海南州 stays after 海南省.
  const provinces = new Set(
    found.filter(([, r]) => provinceOnly(r)).map(([, r]) => `${r.c.slice(0, 2)}${bare(r.n)}`),
  );
  const order = (r) =>
    !r.to && !provinceOnly(r) && provinces.has(`${r.c.slice(0, 2)}${bare(r.n)}`) ? 0.5 : rank(r);
  return (
    found
      // A district comes after the regions as well found (review 50: "江" listed eight districts
      // before 江苏省 and 江西省), and after a city or province of its bare name (walk 52: 大连's
      // 中山区 before 中山市, 天津's 河北区 before 河北省), but before regions that merely start so.
      .map(([s, r]) => [s + (r.to && s > 0 ? (districtBare(r.n) === q ? 0.25 : 0.5) : 0), r])
      .sort((a, b) => a[0] - b[0] || order(a[1]) - order(b[1]) || a[1].c.localeCompare(b[1].c))
      .slice(0, limit)
      .map(([, r]) => r)
  );
}

// A name without the word for its level, as people write it: 郑州市 → 郑州, 河北省 → 河北,
// 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边.
const bare = (name) =>
  name.match(/^(.{2,3}?)(?:壮族|回族|维吾尔)?自治区$/u)?.[1] ??
  name.match(/^(.{2,3}?)(?:[\u4e00-\u9fa5]{1,6}?族)+自治州$/u)?.[1] ??
  name.replace(/(?:特别行政区|地区|省|市|盟)$/u, '');

function namedExactly(regions, text, regionLabel) {
  const plain = text.toLowerCase().replace(/[\s']/g, '');
  return regions.filter(
    (r) =>
      r.n === text ||
      r.n === `${text}市` ||
      r.n === `${text}省` ||
      regionLabel(r) === text ||
      regionLabel(r, true) === text ||
      r.e.toLowerCase().replace(/[\s']/g, '') === plain ||
      r.p === plain ||
      (r.to && districtBare(r.n) === text),
  );
}

// A province that is not a city itself (the four municipalities are).
export const provinceOnly = (r) => r.c.endsWith('0000') && !BIG_CITIES.has(r.c);

// The province an address starts with (河北石家庄, 河南省郑州市): its name as typed, the text
// after it and the province's own places; null where the text starts with no province's name.
function provinceFirst(regions, text) {
  for (const province of regions.filter((r) => r.c.endsWith('0000'))) {
    const name = [province.n, bare(province.n)].find(
      (n) => text.startsWith(n) && text.length > n.length,
    );
    if (!name) continue;
    const inside = regions.filter((r) => r.c.startsWith(province.c.slice(0, 2)) && r !== province);
    return { province, name, rest: text.slice(name.length), inside };
  }
  return null;
}

// The regions named after a province's name, or before a district or county (郑州市金水区,
// 郑州金水区): the place as people write an address. After a province's name only that
// province's places count (海南陵水县 is not 青海's 海南州, 吉林省长春市 not 吉林市); a city whose
// own name is longer than the province's still does (吉林市丰满区).
function namedInAddress(regions, text, regionLabel) {
  const first = provinceFirst(regions, text);
  if (!first) return namedBeforeDistrict(regions, text);
  const { province, name, rest, inside } = first;
  // A municipality is its own city: 北京朝阳区, 上海市浦东新区.
  if (!provinceOnly(province) && /^[\u4e00-\u9fa5]{1,8}(?:区|县)$/u.test(rest)) return [province];
  const exactly = namedExactly(inside, rest, regionLabel);
  const found = exactly.length ? exactly : namedBeforeDistrict(inside, rest);
  return found.length ? found : namedBeforeDistrict(regions, text, name.length + 1);
}
// A province is followed by a city, not a district, except the four municipalities (北京朝阳区).
// `longest`: the least length of the name matched (longer than a province's name before it).
function namedBeforeDistrict(regions, text, longest = 2) {
  return regions.filter(
    (r) =>
      !provinceOnly(r) &&
      [r.n, bare(r.n)].some(
        (name) =>
          name.length >= longest &&
          text.startsWith(name) &&
          (/^[\u4e00-\u9fa5]{1,8}(?:区|县|旗|市)$/u.test(text.slice(name.length)) ||
            // or a district of it by its bare name, as people write it: 深圳南山
            regions.some((d) => d.to === r && districtBare(d.n) === text.slice(name.length))),
      ),
  );
}

// The places an address still being typed already names (河北石 → 石家庄, 郑州市金水 → 郑州).
export function namedSoFar(regions, typed) {
  const text = typed.trim();
  const first = provinceFirst(regions, text);
  if (!first) {
    return regions.filter(
      (r) => !r.c.endsWith('0000') && bare(r.n).length >= 2 && text.startsWith(bare(r.n)),
    );
  }
  const { province, rest, inside } = first;
  if (!provinceOnly(province)) return [province]; // 北京朝阳: the municipality itself
  return inside.filter((r) => r.n.startsWith(rest) || rest.startsWith(bare(r.n)));
}

/**
 * The one region `typed` names (郑州市, 郑州, 郑州市（河南省）, Zhengzhou, zhengzhou; 河北石家庄,
 * 郑州市金水区), or null where none does or several do (taizhou: 台州 and 泰州). `regionLabel`: a
 * place's label as the field shows it (郑州市（河南省）), which names it too.
 */
export function regionNamed(regions, typed, regionLabel) {
  const text = typed.trim();
  if (!text) return null;
  const found = namedExactly(regions, text, regionLabel);
  // A city or province of the name before districts of it elsewhere (西安 is 西安市, not 牡丹江's
  // 西安区): the place the list offers first, so that leaving the field takes what Enter would
  // (walk 52: 朝阳 gave 北京 by Enter and 辽宁 by Tab).
  const regionsOnly = found.filter((r) => !r.to);
  const exactly = regionsOnly.length ? regionsOnly : found;
  if (exactly.length) return exactly.length === 1 ? exactly[0] : null;
  const inAddress = namedInAddress(regions, text.replace(/\s+/g, ''), regionLabel);
  return inAddress.length === 1 ? inAddress[0] : null;
}
