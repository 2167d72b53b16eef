// Every rule value is read once, at load, into its kind's C++ type (gongji/rule_values.hpp); the
// answers read those. The typed value must say what the file says.
#include <doctest/doctest.h>

#include <ostream>
#include <string>

#include "gongji/policy.hpp"

using namespace gongji;

namespace {

const RuleEntry& first(const PolicySet& set, const std::string& region, const std::string& key) {
  return set.regions.at(region).rules.at(key).front();
}

const RuleEntry& last(const PolicySet& set, const std::string& region, const std::string& key) {
  return set.regions.at(region).rules.at(key).back();
}

}  // namespace

TEST_CASE("every loaded value holds its kind's type, read from the file's JSON") {
  const auto set = default_policies();
  REQUIRE(set != nullptr);
  std::size_t values = 0;
  for (const auto& [code, region] : set->regions) {
    for (const auto& [key, entries] : region.rules) {
      for (const RuleEntry& entry : entries) {
        ++values;
        CHECK_MESSAGE(!entry.typed.valueless_by_exception(), code << " " << key);
      }
    }
  }
  CHECK(values > 150);
}

TEST_CASE("objects, lists and words come through with every field") {
  const auto set = default_policies();
  const WalletLimits& limits = last(*set, "000000", "wallet_limits").as<WalletLimits>();
  CHECK(limits.per_transfer_fen == 200000);
  CHECK(limits.transfers_per_day == 3);
  CHECK(limits.closed_from == "22:00");
  CHECK(limits.closed_until == "06:00");

  // 深圳's tiers keep the file's order; only tier 1 has an account.
  const Tiers& tiers = last(*set, "440300", "tiers").as<Tiers>();
  REQUIRE(tiers.list.size() == 3);
  CHECK(tiers.list[0] == std::pair<std::string, bool>{"1", true});
  CHECK(tiers.list[1] == std::pair<std::string, bool>{"2", false});
  REQUIRE(tiers.find("3") != nullptr);
  CHECK(*tiers.find("3") == false);
  CHECK(tiers.find("4") == nullptr);

  // The national circle began with spouse, parents and children, and widened to near relatives.
  const Relations& widest = last(*set, "000000", "relations").as<Relations>();
  CHECK(widest.holds(Relation::sibling));
  CHECK_FALSE(widest.holds(Relation::parent_in_law));

  const SchemeAccounts& schemes = first(*set, "000000", "scheme_account").as<SchemeAccounts>();
  CHECK(schemes.of(Scheme::employee));
  CHECK_FALSE(schemes.of(Scheme::resident));

  CHECK(last(*set, "310000", "shareable_part").as<ShareablePart>() == ShareablePart::prior_years);
  CHECK(last(*set, "440300", "holder_order").as<HolderOrder>() == HolderOrder::highest_balance);
  CHECK(last(*set, "110000", "holder_order").as<HolderOrder>() == HolderOrder::filing_order);
}

TEST_CASE("a note keeps whom it is for, a channel its kind and both languages' steps") {
  const auto set = default_policies();
  bool local = false, uninsured = false;
  for (const Note& note : last(*set, "110000", "notes").as<std::vector<Note>>()) {
    local = local || note.audience == NoteFor::local;
    uninsured = uninsured || note.audience == NoteFor::uninsured;
    CHECK_FALSE(note.text.zh.empty());
    CHECK_FALSE(note.text.en.empty());
  }
  CHECK(local);
  CHECK(uninsured);

  const ChannelRule& wallet = last(*set, "000000", "wallet_channel").as<ChannelRule>();
  CHECK(wallet.id == "nhsa_wallet");
  CHECK(wallet.kind == ChannelKind::app);
  CHECK(wallet.steps.size() >= 3);
  for (const LocalText& step : wallet.steps) CHECK_FALSE(step.en.empty());
}
