// The evaluation answer of the contract (../shared/contract/response.schema.json), as plain values.
// Codes, source ids, source details, channels and documents are views: they borrow the program's
// literals and the PolicySet the answer was computed with, which must outlive the answer (no copy
// per answer).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongji/money.hpp"
#include "gongji/request.hpp"
#include "gongji/rule_values.hpp"

namespace gongji {

struct Reason {
  std::string_view code;  // a fixed code of the contract
  std::string text;
  std::vector<std::string_view> sources;  // source ids
  // A warning that lists items after its lead ends its text with them, each kept here too, so a
  // household plan can merge two holders' lists item by item. Not part of the answer's JSON.
  std::vector<std::string> items = {};
  // A warning about several things: what it says before them, and each thing on its own, for a
  // page to show as a list (`text` says the same as one paragraph). Empty for other reasons.
  std::string lead = {};
  std::vector<std::string> list = {};
  // The places a warning names in its text (the provinces whose wallet is not open throughout),
  // so a household plan can say them all in one warning. Not part of the answer's JSON.
  std::vector<std::string> places = {};
};

// Something the rules know of that would turn a "no" into a "yes" (change.enrol, change.date,
// change.tier, change.other_holder), or change.none when nothing would.
struct Change {
  std::string_view code;
  std::string text;
  std::vector<std::string_view> sources;
  std::optional<std::string> date;    // change.date: the first day it would hold
  std::optional<std::string> holder;  // in a household plan: the person who could then cover
};

struct PolicyInfo {
  std::string region;
  std::string region_name;
  std::vector<std::string> chain;
  std::string version;
  std::string last_reviewed;
};

struct HolderResult {
  bool has_account = false;  // a personal account exists at all (it may still not be shareable)
  bool can_share = false;
  bool payments_open = true;   // binding may open before payments (上海, July 2022)
  std::string payments_start;  // the first day of payments where they had not begun yet
  Fen shareable_fen = 0;
  // False where what may be shared cannot be computed from the request and the sources (上海's
  // 历年 part not entered, 深圳's wage threshold): shareable_fen is then 0 and counts nothing, and
  // the answer says "not computed", never "0.00".
  bool shareable_known = true;
  // The amount the holder authorised, where it limits what relatives may use: `shareable_fen` is
  // it (by_authorisation), or, where it is also a cross-province relative's quota and the region
  // lets holders cap local use (holder_limit), what the relatives insured in the province may use
  // together (local_limit_fen).
  bool by_authorisation = false;
  // Nothing is shareable where the region requires a shareable balance to set up sharing
  // (holder_needs_balance: 上海's family network): local relatives cannot be bound yet.
  bool needs_balance_first = false;
  std::optional<Fen> local_limit_fen;
  std::vector<Reason> reasons;
};

struct MemberResult {
  std::string id;
  bool eligible = false;
  Route route = Route::none;
  bool contribution_payable = false;
  bool needs_face_verification = false;
  Fen usable_fen = 0;
  std::vector<Reason> reasons;
  std::vector<Change> changes;  // for a member who is not eligible
};

struct ExpenseResult {
  std::string member;
  ExpenseKind kind = ExpenseKind::outpatient;
  Fen amount_fen = 0;
  bool allowed = false;
  Fen from_own_fen = 0;
  Fen from_holder_fen = 0;
  Fen out_of_pocket_fen = 0;
  // Wallet transfers the holder's part needs for a relative reached across provinces (0 otherwise).
  int64_t wallet_transfers = 0;
  std::vector<Reason> reasons;
};

struct Pool {
  Fen start_fen = 0;
  Fen used_fen = 0;
  Fen remaining_fen = 0;
};

// A channel is the rule's own, borrowed from the policy set (its id, name and steps are written
// straight from it, in the guidance's language), with at most one step for this family after
// its steps (the face check of the relatives it binds, or "the counter gives the details").
struct Channel {
  const ChannelRule* rule = nullptr;
  std::vector<std::string> added_steps;  // after the rule's steps (the face checks)
  std::string first_step;  // before them, where any (check the route is open: not confirmed)
};

struct Guidance {
  Lang lang = Lang::zh_CN;
  std::vector<Channel> channels;
  const std::vector<LocalText>* documents = nullptr;  // the policy set's; none: no documents
  std::vector<std::string> notes;
  // The sources of the rules the channels, documents and notes come from (their items name none).
  std::vector<std::string_view> sources;
};

struct SourceRef {
  std::string_view id;
  std::string_view title;
  std::string_view url;
  std::string_view date;
  std::string_view reliability;
  std::string_view copy_of;  // empty unless the address is a copy of another publisher's text
};

struct Answer {
  std::string as_of;
  Lang lang = Lang::zh_CN;
  PolicyInfo policy;
  HolderResult holder;
  std::vector<MemberResult> members;
  std::vector<ExpenseResult> expenses;
  Pool pool;
  Guidance guidance;
  std::vector<Reason> warnings;
  std::vector<SourceRef> sources;
};

struct RequestError {
  std::string code;  // invalid_json | invalid_request | unknown_region | limit_exceeded
  std::string message;
  std::string path;  // JSON Pointer
};

}  // namespace gongji
