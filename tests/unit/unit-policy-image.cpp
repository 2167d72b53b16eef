// The policy image (core/src/policy_image.hpp): the loaded set as bytes, which the page installs
// without parsing JSON. It must hold everything evaluation reads (the golden-answers-via-image
// test compares every stored answer), come out the same every time, and refuse damage.
#include <doctest/doctest.h>

#include <string>

#include "gongji/evaluate.hpp"
#include "policy_image.hpp"

using namespace gongji;

namespace {

const char* const kRequest =
    R"({"as_of":"2026-06-01","holder":{"region":"410100","scheme":"employee","balance_fen":300000},)"
    R"("members":[{"id":"m","relation":"parent","age":66,"scheme":"resident","region":"110000"}],)"
    R"("expenses":[{"member":"m","kind":"outpatient","amount_fen":20000}]})";

// The embedded set stays alive while others are installed; the default is it again afterwards.
struct RestoreDefault {
  const PolicySet* saved = default_policies();
  ~RestoreDefault() { use_embedded_policies(); }
};

// A small set for the damage tests, each of which reads it thousands of times: the national
// layer with its sources and a few messages.
std::string small_image() {
  const PolicySet& full = *default_policies();
  PolicySet small;
  small.version = full.version;
  small.sources = full.sources;
  small.regions.emplace(std::string(PolicySet::kNationalCode), full.national());
  for (const auto& [key, text] : full.messages) {
    if (small.messages.size() < 5) small.messages.emplace(key, text);
  }
  small.divisions.emplace("110000", full.divisions.at("110000"));
  small.vocabulary.json = "{}";
  return write_policy_image(small);
}

void put_le32(std::string& image, std::size_t at, uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) image[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

// `body` behind a header that matches it: what the reader's structure checks see when the
// damage is not caught by the length or the checksum.
std::string sealed(std::string_view body) {
  std::string image = "GJPI";
  image.append(12, '\0');
  put_le32(image, 4, gongji::detail::kPolicyImageFormat);  // the format this build reads
  put_le32(image, 8, static_cast<uint32_t>(body.size()));
  put_le32(image, 12, detail::fnv1a(body));
  return image.append(body);
}

}  // namespace

TEST_CASE("the image of the embedded set reads back to a set that answers the same") {
  const PolicySet& embedded = *default_policies();
  const std::string image = write_policy_image(embedded);
  const PolicyImageRead read = read_policy_image(image);
  REQUIRE_MESSAGE(static_cast<bool>(read.policies), read.error);
  CHECK(read.error.empty());
  const PolicySet& copy = *read.policies;
  CHECK(copy.version == embedded.version);
  CHECK(copy.sources.size() == embedded.sources.size());
  CHECK(copy.messages.size() == embedded.messages.size());
  CHECK(copy.message_index.size() == embedded.message_index.size());
  // Every message is found through the index, in both sets.
  for (const auto& [key, text] : embedded.messages) {
    CHECK(embedded.message(key) == &text);
    REQUIRE(copy.message(key) != nullptr);
    CHECK(copy.message(key)->in(Lang::zh_CN) == text.in(Lang::zh_CN));
  }
  CHECK(copy.message("no.such.key") == nullptr);
  CHECK(copy.message("") == nullptr);
  CHECK(copy.vocabulary.words.size() == embedded.vocabulary.words.size());
  CHECK(copy.vocabulary.json == embedded.vocabulary.json);
  CHECK(copy.regions.size() == embedded.regions.size());
  CHECK(copy.divisions.size() == embedded.divisions.size());
  const WalletLimits& limits = copy.national().rules.at("wallet_limits").back().as<WalletLimits>();
  CHECK(limits.per_transfer_fen == 200000);
  CHECK(limits.closed_from == "22:00");
  // Nothing is lost on the way: the copy writes the very same bytes.
  CHECK(write_policy_image(copy) == image);
  const Date today = *parse_date("2026-06-01");
  CHECK(evaluate(kRequest, copy, today) == evaluate(kRequest, embedded, today));
  CHECK(regions_json(copy) == regions_json(embedded));
}

TEST_CASE("two loads of the same files write byte-identical images") {
  const PolicyLoad first = load_policies(embedded_policy_files());
  const PolicyLoad second = load_policies(embedded_policy_files());
  REQUIRE(static_cast<bool>(first.policies));
  REQUIRE(static_cast<bool>(second.policies));
  CHECK(write_policy_image(*first.policies) == write_policy_image(*second.policies));
}

TEST_CASE("an image cut short at any byte is refused, also behind a header that fits it") {
  const std::string image = small_image();
  REQUIRE(static_cast<bool>(read_policy_image(image).policies));
  const std::string_view body = std::string_view(image).substr(16);
  for (std::size_t size = 0; size < image.size(); ++size) {
    const PolicyImageRead cut = read_policy_image(std::string_view(image).substr(0, size));
    CHECK_MESSAGE(!cut.policies, size);
    CHECK(!cut.error.empty());
  }
  for (std::size_t size = 0; size < body.size(); ++size) {
    const PolicyImageRead cut = read_policy_image(sealed(body.substr(0, size)));
    CHECK_MESSAGE(!cut.policies, size);
    CHECK(cut.error.rfind("not a usable policy image: ", 0) == 0);
  }
}

TEST_CASE("a changed byte anywhere is refused: the header's fields, then the checksum") {
  const std::string image = small_image();
  std::size_t refused = 0;
  for (std::size_t at = 0; at < image.size(); ++at) {
    std::string damaged = image;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    const PolicyImageRead read = read_policy_image(damaged);
    refused += read.policies == nullptr;
    if (at >= 16) CHECK(read.error == "not a usable policy image: checksum mismatch");
  }
  CHECK(refused == image.size());
}

TEST_CASE("another format, another file or trailing bytes are named as such") {
  const std::string image = small_image();
  std::string other = image;
  other[0] = 'X';
  CHECK(read_policy_image(other).error == "not a usable policy image: wrong magic number");
  other = image;
  put_le32(other, 4, 1);  // before the languages of its texts were written
  CHECK(read_policy_image(other).error ==
        "not a usable policy image: format 1, this build reads format " +
            std::to_string(gongji::detail::kPolicyImageFormat));
  CHECK(read_policy_image(image + "x").error == "not a usable policy image: truncated or too long");
  const std::string body = image.substr(16);
  CHECK(read_policy_image(sealed(body + "x")).error.find("malformed at byte") != std::string::npos);
  CHECK(read_policy_image("").error == "not a usable policy image: shorter than its header");
}

TEST_CASE("a text that is not well-formed UTF-8 is refused, so that answers stay valid JSON") {
  PolicySet set;
  set.version = "2026.01.01-1";
  const std::string sound = write_policy_image(set);
  std::string body = sound.substr(16);
  REQUIRE(body.substr(1, 12) == set.version);
  body[1] = static_cast<char>(0xe3);  // a lead byte followed by ASCII
  CHECK(read_policy_image(sealed(body)).error == "not a usable policy image: malformed at byte 17");
}

TEST_CASE("a sound image missing what evaluation needs is refused") {
  const PolicySet& full = *default_policies();
  PolicySet no_national;
  no_national.version = full.version;
  CHECK(read_policy_image(write_policy_image(no_national)).error ==
        "not a usable policy image: the national layer is missing");

  PolicySet wrong_type;
  wrong_type.sources = full.sources;
  wrong_type.regions.emplace(std::string(PolicySet::kNationalCode), full.national());
  wrong_type.regions.at("000000").rules.at("pooling").front().typed = true;
  CHECK(read_policy_image(write_policy_image(wrong_type)).error ==
        "not a usable policy image: region 000000: rule pooling has a value of another type");

  PolicySet gap;
  gap.sources = full.sources;
  gap.regions.emplace(std::string(PolicySet::kNationalCode), full.national());
  std::vector<RuleEntry>& relations = gap.regions.at("000000").rules.at("relations");
  REQUIRE(relations.size() > 1);
  relations.front().until = add_days(relations[1].from, -2);
  CHECK(read_policy_image(write_policy_image(gap)).error ==
        "not a usable policy image: region 000000: rule relations is not valid");
  relations.front().until = add_days(relations[1].from, -1);
  relations.back().until = date_from_ymd(2030, 1, 1);
  CHECK(read_policy_image(write_policy_image(gap)).error ==
        "not a usable policy image: the national layer lacks rule relations on some day");

  PolicySet no_source;
  no_source.regions.emplace(std::string(PolicySet::kNationalCode), full.national());
  CHECK(read_policy_image(write_policy_image(no_source)).error.find("unknown source") !=
        std::string::npos);
}

TEST_CASE("installing a sound image makes it the default; a damaged one changes nothing") {
  RestoreDefault restore;
  const std::string image = write_policy_image(*restore.saved);
  CHECK(install_policy_image(image) ==
        R"({"ok":true,"version":")" + restore.saved->version +
            R"(","languages":["zh-CN","en"],"apart":[],"texts_apart":false})");
  // The page's first download: its one language, which the page reads before it answers.
  CHECK(install_policy_image(write_policy_image(*with_texts_in(*restore.saved, Lang::en))) ==
        R"({"ok":true,"version":")" + restore.saved->version +
            R"(","languages":["en"],"apart":[],"texts_apart":false})");
  CHECK(install_policy_image(image).find(R"("languages":["zh-CN","en"])") != std::string::npos);
  const auto installed = default_policies();
  CHECK((installed != restore.saved));
  CHECK(installed->version == restore.saved->version);
  CHECK(install_policy_image(image.substr(0, 100)) ==
        R"({"ok":false,"problems":["not a usable policy image: truncated or too long"]})");
  CHECK((default_policies() == installed));
}

TEST_CASE("without a default set, evaluate answers an error instead of failing") {
  RestoreDefault restore;
  install_policies(nullptr);
  const std::string answer = evaluate(kRequest);
  CHECK(answer.find(R"("ok":false)") != std::string::npos);
}
