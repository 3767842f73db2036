#include "normalize/ocr_repair.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/money.h"
#include "core/ocr_readings.h"
#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/ocr_repair_identities.h"
#include "normalize/validate.h"

namespace disclose {
namespace {

// Candidate figures tried per round, lowest confidence first: a page of
// garbage must not make normalization quadratic.
constexpr std::size_t kMaxCandidates = 64;
constexpr int kMaxRounds = 3;
// The change a repair by the second OCR reader's reading is named by.
constexpr std::string_view kSecondReading = "the second reader's reading";
// The change that puts back a front group a cut lost (Variants).
constexpr std::string_view kLostLeadingDigits = "lost leading digits";
// The change an implied reading (ImpliedReading) is named by.
constexpr std::string_view kMisreadOfTheTable =
    "a digit both readers misread, as the first misread it in the table's other cells";

std::string ToUtf8(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) AppendUtf8(out, c);
  return out;
}

// Every one-character change of `printed` worth trying, with what it is.
std::vector<std::pair<std::u32string, std::string>> Variants(const std::u32string& printed) {
  std::vector<std::pair<std::u32string, std::string>> out;
  const std::size_t n = printed.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = printed[i];
    if (IsAsciiDigit(c)) {
      for (char32_t other : OcrConfusableDigits(c)) {
        std::u32string v = printed;
        v[i] = other;
        out.emplace_back(v, "confusable digit");
      }
      // A doubled digit: the same digit printed twice side by side.
      if (i + 1 < n && printed[i + 1] == c) {
        std::u32string v = printed;
        v.erase(i, 1);
        out.emplace_back(v, "doubled digit");
      }
    }
    if (c == U'.' || c == U',') {
      std::u32string removed = printed;
      removed.erase(i, 1);
      out.emplace_back(removed, "spurious separator");
      std::u32string swapped = printed;
      swapped[i] = c == U'.' ? U',' : U'.';
      out.emplace_back(swapped, "misread separator");
      if (c == U'.') {
        for (std::size_t j = 0; j <= removed.size(); ++j) {
          if (j == i) continue;
          std::u32string moved = removed;
          moved.insert(j, 1, U'.');
          out.emplace_back(moved, "misplaced decimal point");
        }
      }
    }
  }
  // A lost digit, anywhere among the digits. Not in a reading of one digit: its lost-digit
  // variants (0 -> 10 … 90, 00 … 09) span a whole range of values, so one of them closes almost
  // any gap, and the identity alone would pick the figure (sh_putuo_justice_2026's 三公 table: a
  // printed 0 "corrected" to 10 to stand in for the 9.98 of a row keyed elsewhere).
  const auto digits = std::count_if(printed.begin(), printed.end(), IsAsciiDigit);
  for (std::size_t i = 0; i <= n && digits >= 2; ++i) {
    const bool near_digit =
        (i > 0 && IsAsciiDigit(printed[i - 1])) || (i < n && IsAsciiDigit(printed[i]));
    if (!near_digit) continue;
    for (char32_t d = U'0'; d <= U'9'; ++d) {
      std::u32string v = printed;
      v.insert(i, 1, d);
      out.emplace_back(v, "lost digit");
    }
  }
  // A lost leading digit of a grouped amount takes its comma with it: inserted alone before a
  // group of three it makes a group of four, which no amount prints (二,724,969.22 for
  // 1,724,969.22, the 二 dropped as no digit, H27 s3w_0419_final). Tried with its comma.
  const std::size_t first_comma = printed.find(U',');
  if (first_comma == 3 && IsAsciiDigit(printed[0])) {
    for (char32_t d = U'1'; d <= U'9'; ++d) out.emplace_back(d + (U"," + printed), "lost digit");
  }
  // Two lost leading digits and their comma: a cell's left edge cut off the front group
  // (11,714.10 read 714.10, H53 s3w_0835_budget). Before a leading group of three only, where
  // the lost front is a whole group of its own; FindRepairs takes such a change only where two
  // identities or more prove it, as 90 prefixes span a range one identity alone may meet.
  const std::size_t first_mark = printed.find_first_of(U",.");
  const std::size_t lead = first_mark == std::u32string::npos ? n : first_mark;
  if (lead == 3 && std::all_of(printed.begin(), printed.begin() + 3, IsAsciiDigit)) {
    for (char32_t tens = U'1'; tens <= U'9'; ++tens) {
      for (char32_t ones = U'0'; ones <= U'9'; ++ones) {
        out.emplace_back(std::u32string{tens, ones, U','} + printed,
                         std::string(kLostLeadingDigits));
      }
    }
  }
  // A spurious digit inside a grouped amount: a group of four between its commas, which no amount
  // prints (19,734,2954.37 for 19,734,254.37, a stroke of the 5 read as a 9, H43
  // s3w_0678_budget). Only in such a reading: removing any digit of a well-grouped amount spans
  // too many values.
  if (printed.find(U',') != std::u32string::npos &&
      ParseAmountText(ToUtf8(printed)).irregular_grouping) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!IsAsciiDigit(printed[i])) continue;
      std::u32string v = printed;
      v.erase(i, 1);
      out.emplace_back(v, "spurious digit");
    }
  }
  // A stray digit before the amount: a neighbour's number read onto its front (a 栏次 3 glued
  // to 5,027,809.04 as 35,027,809.04, H17 s3w_0268_budget). Only while a digit is left.
  if (n >= 2 && IsAsciiDigit(printed[0]) && IsAsciiDigit(printed[1])) {
    out.emplace_back(printed.substr(1), "stray leading digit");
  }
  return out;
}

struct Repair {
  Figure* figure = nullptr;
  std::string reading;     // the text as OCR read it
  std::string correction;  // the text as corrected
  std::string change;      // "confusable digit", ...
  std::int64_t amount_fen = 0;
  std::vector<std::string> proved_by;  // checks and messages of the identities it fixes
  std::set<std::string> resolved;      // signatures of the findings it fixes
};

// Whether a reading prints a zero before other integer digits ('031.22', '0,512.00'): no amount
// is printed so; it is another's digit misread 0, never a candidate for the figure.
bool StartsWithZeroDigit(std::string_view reading) {
  if (!reading.empty() && reading.front() == '-') reading.remove_prefix(1);
  return reading.size() > 1 && reading[0] == '0' &&
         ((reading[1] >= '0' && reading[1] <= '9') || reading[1] == ',');
}

// The second reader's reading of the figure's cell: the second quoted text of an
// ocr_readings_differ warning whose box overlaps the figure's on its page; "" when none, or when
// it was outvoted and `outvoted` is false.
std::string SecondReading(const Figure& figure, const std::vector<Warning>& warnings,
                          bool outvoted = true) {
  const Provenance& cell = figure.provenance;
  if (!cell.box) return "";
  for (const Warning& warning : warnings) {
    if (warning.code != kOcrReadingsDiffer || !warning.provenance.box ||
        warning.provenance.page != cell.page || !warning.provenance.box->Overlaps(*cell.box)) {
      continue;
    }
    const std::optional<OcrReadings> readings = ParseOcrReadings(warning);
    if (!readings || (!outvoted && OtherReadingOutvoted(*readings))) return "";
    if (!StartsWithZeroDigit(readings->other)) return readings->other;
  }
  return "";
}

// The most decimals any figure of `table` prints: its precision. A change that gives a figure
// more (1,000.048 for 1,000.08 in a 万元 table of two decimals: a "lost digit" no figure beside
// it has) is no reading of what was printed.
int MostDecimals(const CanonicalTable& table) {
  int most = 0;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      most = std::max(most, ParseAmountText(figure.printed_text).decimals);
    }
  }
  return most;
}

std::vector<Repair> FindRepairs(std::vector<CanonicalTable>& tables,
                                const std::vector<Finding>& failing,
                                const std::vector<Warning>& reader_warnings) {
  std::set<std::string> failing_signatures;
  for (const Finding& finding : failing) failing_signatures.insert(Signature(finding));
  // Candidates: low-confidence OCR figures named by a failing identity.
  struct Candidate {
    Figure* figure;
    const CanonicalTable* table;
    std::string key;
    std::string second;  // the second reader's reading of its cell; "" when none
  };
  std::vector<Candidate> candidates;
  for (CanonicalTable& table : tables) {
    for (CanonicalRow& row : table.rows) {
      for (Figure& figure : row.values) {
        if (figure.provenance.origin != TextOrigin::kOcr || figure.corrected) continue;
        if (figure.provenance.confidence >= kRepairMaxConfidence) continue;
        const std::string key = KeyOf(figure);
        if (std::none_of(failing.begin(), failing.end(),
                         [&](const Finding& f) { return Involves(f, key); }))
          continue;
        candidates.push_back({&figure, &table, key, SecondReading(figure, reader_warnings)});
      }
    }
  }
  // A figure the second reader read otherwise comes first: its second reading is one
  // candidate change, not a search, and the likeliest to be right.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.second.empty() != b.second.empty()) return b.second.empty();
                     return a.figure->provenance.confidence < b.figure->provenance.confidence;
                   });
  if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);

  std::vector<Repair> repairs;
  for (const Candidate& candidate : candidates) {
    Figure& figure = *candidate.figure;
    const std::optional<UnitOfAmount> unit = ReadingUnit(figure, *candidate.table);
    if (!unit) continue;
    // The amounts that would close each failing identity the figure is in.
    std::vector<std::pair<std::int64_t, std::int64_t>> targets;  // amount, tolerance
    std::vector<const Finding*> own;
    for (const Finding& finding : failing) {
      if (!Involves(finding, candidate.key)) continue;
      own.push_back(&finding);
      if (!finding.expected_fen || !finding.actual_fen) continue;
      const std::int64_t gap = *finding.actual_fen - *finding.expected_fen;
      targets.emplace_back(figure.amount_fen + gap, finding.tolerance_fen);
      targets.emplace_back(figure.amount_fen - gap, finding.tolerance_fen);
    }
    if (targets.empty()) continue;
    const std::int64_t original = figure.amount_fen;
    std::set<std::int64_t> tried;
    const std::vector<char32_t> code_points = DecodeUtf8(figure.printed_text);
    const std::u32string printed(code_points.begin(), code_points.end());
    std::vector<std::pair<std::u32string, std::string>> variants;
    const std::string& second = candidate.second;
    if (!second.empty()) {
      const std::vector<char32_t> second_points = DecodeUtf8(second);
      variants.emplace_back(std::u32string(second_points.begin(), second_points.end()),
                            std::string(kSecondReading));
    }
    for (auto& variant : Variants(printed)) variants.push_back(std::move(variant));
    const int most_decimals = MostDecimals(*candidate.table);
    const std::size_t repairs_before = repairs.size();
    for (const auto& [variant, change] : variants) {
      // The second reading, when it closes the identities, is the figure's only candidate.
      if (!second.empty() && repairs.size() > repairs_before) break;
      const AmountText amount = ParseAmountText(ToUtf8(variant));
      if (amount.kind != AmountKind::kNumber || amount.irregular_grouping ||
          amount.decimals > most_decimals) {
        continue;
      }
      const std::optional<std::int64_t> fen = ToFen(amount, *unit);
      if (!fen || *fen == original || !tried.insert(*fen).second) continue;
      // The change must explain the gap, not move it under the rounding tolerance: a 支出总计
      // read right as 152,585.76 two 0.01 above the 本年支出 the document misprints (152,585.74,
      // js_wuxi_hrss p23 on a scan) was "repaired" to .75, the 0.01 left inside the tolerance.
      // What the change leaves must be less than the change itself.
      if (std::none_of(targets.begin(), targets.end(), [&](const auto& target) {
            const std::int64_t left = std::llabs(*fen - target.first);
            return left <= target.second && left < std::llabs(*fen - original);
          }))
        continue;
      figure.amount_fen = *fen;
      const std::vector<Finding> after = ValidateForRepair(tables);
      figure.amount_fen = original;
      // Every identity the figure takes part in holds, and nothing new fails.
      bool holds = true;
      std::set<std::string> remaining;
      for (const Finding& finding : after) {
        if (Involves(finding, candidate.key) || !failing_signatures.count(Signature(finding))) {
          holds = false;
          break;
        }
        remaining.insert(Signature(finding));
      }
      if (!holds) continue;
      Repair repair;
      repair.figure = &figure;
      repair.reading = figure.printed_text;
      repair.correction = ToUtf8(variant);
      repair.change = change;
      repair.amount_fen = *fen;
      for (const Finding* finding : own) {
        if (remaining.count(Signature(*finding))) continue;
        repair.resolved.insert(Signature(*finding));
        repair.proved_by.push_back(finding->check + " (" + finding->message + ")");
      }
      const std::size_t proofs_needed = change == kLostLeadingDigits ? 2 : 1;
      if (repair.resolved.size() >= proofs_needed) repairs.push_back(std::move(repair));
    }
  }
  return repairs;
}

// A figure and the value its cell's second reading gives.
struct SecondValue {
  Figure* figure;
  std::string reading;
  std::int64_t amount_fen;
  std::int64_t first_fen;
  // Not read by the second reader: the first reading with a misread the second
  // reader's taken readings of the table prove undone (ImpliedReading).
  bool implied = false;
};

// The figures of `table` whose cells the second reader read otherwise, with the
// amounts those readings give in the unit the first was read in. A reading two others outvoted
// is left out: taken with a table's others it turned right figures whose own identities held
// (cq_city_landres p15: 23.64 in a 项, its 款 and the 项's basic, all read 23.04 by chi_sim on the
// gray page and 23.64 by eng and chi_sim on the binary image, taken back to 23.04 together).
std::vector<SecondValue> SecondValuesOf(CanonicalTable& table,
                                        const std::vector<Warning>& reader_warnings) {
  std::vector<SecondValue> out;
  for (CanonicalRow& row : table.rows) {
    for (Figure& figure : row.values) {
      if (figure.provenance.origin != TextOrigin::kOcr || figure.corrected) continue;
      const std::string second = SecondReading(figure, reader_warnings, /*outvoted=*/false);
      if (second.empty()) continue;
      const std::optional<UnitOfAmount> unit = ReadingUnit(figure, table);
      const AmountText amount = ParseAmountText(second);
      if (!unit || amount.kind != AmountKind::kNumber || amount.irregular_grouping) continue;
      const std::optional<std::int64_t> fen = ToFen(amount, *unit);
      if (fen && *fen != figure.amount_fen)
        out.push_back({&figure, second, *fen, figure.amount_fen});
    }
  }
  return out;
}

// An identity by the figures it relates, whatever their amounts: the same
// identity failing before and after a change of one of them.
std::string IdentityOf(const Finding& finding) {
  std::vector<std::string> keys;
  for (const FigureRef& ref : finding.figures) keys.push_back(KeyOf(ref));
  std::sort(keys.begin(), keys.end());
  std::string out = finding.check;
  for (const std::string& key : keys) out += "#" + key;
  return out + "#";
}

std::set<std::string> FailingIdentities(const std::vector<CanonicalTable>& tables) {
  std::set<std::string> out;
  for (const Finding& finding : ValidateForRepair(tables)) out.insert(IdentityOf(finding));
  return out;
}

// Whether an identity that holds in `tables` (none of `failing`) relates
// `figure`: a gross change of it makes one fail.
bool HeldByAnIdentity(Figure& figure, const std::vector<CanonicalTable>& tables,
                      const std::set<std::string>& failing) {
  constexpr std::int64_t kGross = 987'654'321;  // fen; over any rounding tolerance
  const std::int64_t original = figure.amount_fen;
  figure.amount_fen += kGross;
  const std::vector<Finding> changed = ValidateForRepair(tables);
  figure.amount_fen = original;
  const std::string key = KeyOf(figure);
  return std::any_of(changed.begin(), changed.end(), [&](const Finding& finding) {
    return Involves(finding, key) && !failing.count(IdentityOf(finding));
  });
}

// The figure keys an identity relates (IdentityOf's form: check#key#key#).
std::vector<std::string> KeysOfIdentity(const std::string& id) {
  std::vector<std::string> keys;
  std::size_t at = id.find('#');
  while (at != std::string::npos && at + 1 < id.size()) {
    const std::size_t end = id.find('#', at + 1);
    if (end == std::string::npos) break;
    keys.push_back(id.substr(at + 1, end - at - 1));
    at = end;
  }
  return keys;
}

// Digit substitutions (the first reader's digit, the second's) by the printings whose second
// reading makes them, each reading differing from the first in digits only.
using DigitPair = std::pair<char32_t, char32_t>;
using DigitMisreads = std::map<DigitPair, std::set<std::string>>;

void TallyDigitMisreads(const SecondValue& value, DigitMisreads& tally) {
  const std::vector<char32_t> first = DecodeUtf8(value.figure->printed_text);
  const std::vector<char32_t> second = DecodeUtf8(value.reading);
  if (first.size() != second.size()) return;
  std::set<DigitPair> pairs;
  for (std::size_t k = 0; k < first.size(); ++k) {
    if (first[k] == second[k]) continue;
    if (!IsAsciiDigit(first[k]) || !IsAsciiDigit(second[k])) return;
    pairs.insert({first[k], second[k]});
  }
  for (const DigitPair& pair : pairs) tally[pair].insert(value.figure->printed_text);
}

// The glyphs of the document's font the first reader misreads: the digit substitutions the
// taken second readings of a table make in at least two different printings (a 项 and its
// 款 printing one amount count once: one misread glyph is no pattern), and that the second
// reader makes across the document at least four times as often as the reverse one. Read
// both ways alike (a 4 for a 1 here, a 1 for a 4 there), two glyphs are confused by both
// readers, and which of them misread a third cell is not known.
std::set<DigitPair> MisreadDigits(const std::vector<SecondValue>& group,
                                  const std::vector<bool>& taken, const DigitMisreads& document) {
  constexpr std::size_t kMinPrintings = 2;
  constexpr std::size_t kMinOverReverse = 4;
  DigitMisreads table;
  for (std::size_t i = 0; i < group.size(); ++i)
    if (taken[i] && !group[i].implied) TallyDigitMisreads(group[i], table);
  const auto printings = [&](const DigitPair& pair) {
    const auto at = document.find(pair);
    return at == document.end() ? std::size_t{0} : at->second.size();
  };
  std::set<DigitPair> out;
  for (const auto& [pair, seen] : table) {
    const std::size_t reverse = printings({pair.second, pair.first});
    if (seen.size() >= kMinPrintings && printings(pair) >= kMinOverReverse * reverse)
      out.insert(pair);
  }
  return out;
}

// `printed` with one misread of `misreads` undone: at one place, or at every place it occurs
// (334.00 for 554.00).
std::vector<std::u32string> WithMisreadUndone(const std::vector<char32_t>& printed,
                                              const std::set<DigitPair>& misreads) {
  std::vector<std::u32string> out;
  for (const auto& [from, to] : misreads) {
    std::u32string everywhere(printed.begin(), printed.end());
    std::size_t places = 0;
    for (std::size_t k = 0; k < printed.size(); ++k) {
      if (printed[k] != from) continue;
      std::u32string variant(printed.begin(), printed.end());
      variant[k] = to;
      out.push_back(variant);
      everywhere[k] = to;
      ++places;
    }
    if (places > 1) out.push_back(everywhere);
  }
  return out;
}

// Both readers may misread one cell alike: a serif 5 that chi_sim reads 3 everywhere and eng
// reads right under a 款 but 3 under its 项. Taking the 款's second reading then breaks the
// identity between the two, which held on two wrong figures. The figure of such a newly
// failing identity, not itself changed, read with one misread of `misreads` undone: the one
// change of one figure that leaves no identity failing that held before and fewer failing;
// nullopt when none fits, or more than one.
std::optional<SecondValue> ImpliedReading(std::vector<CanonicalTable>& tables,
                                          const std::set<std::string>& failing,
                                          const std::set<std::string>& failing_before,
                                          const std::set<std::string>& changed,
                                          const std::set<DigitPair>& misreads) {
  std::set<std::string> keys;
  for (const std::string& id : failing) {
    if (failing_before.count(id)) continue;
    for (const std::string& key : KeysOfIdentity(id))
      if (!changed.count(key)) keys.insert(key);
  }
  std::optional<SecondValue> found;
  int fits = 0;
  for (CanonicalTable& table : tables) {
    for (CanonicalRow& row : table.rows) {
      for (Figure& figure : row.values) {
        if (figure.provenance.origin != TextOrigin::kOcr || figure.corrected) continue;
        if (!keys.count(KeyOf(figure))) continue;
        const std::optional<UnitOfAmount> unit = ReadingUnit(figure, table);
        if (!unit) continue;
        const std::vector<char32_t> printed = DecodeUtf8(figure.printed_text);
        for (const std::u32string& variant : WithMisreadUndone(printed, misreads)) {
          const std::string text = ToUtf8(variant);
          const AmountText amount = ParseAmountText(text);
          if (amount.kind != AmountKind::kNumber) continue;
          const std::optional<std::int64_t> fen = ToFen(amount, *unit);
          if (!fen) continue;
          const std::int64_t first = figure.amount_fen;
          figure.amount_fen = *fen;
          const std::set<std::string> after = FailingIdentities(tables);
          figure.amount_fen = first;
          const bool breaks_none = std::none_of(after.begin(), after.end(), [&](const auto& id) {
            return failing_before.count(id) == 0;
          });
          if (breaks_none && after.size() < failing.size()) {
            ++fits;
            found = SecondValue{&figure, text, *fen, first, true};
          }
        }
      }
    }
  }
  if (fits != 1) return std::nullopt;
  return found;
}

// The second readings of a table, taken together, that leave fewer identities
// failing than the first readings and make none fail that held; each taken
// figure is held by an identity that holds. Starts from all of them and gives
// back, one at a time, the reading whose return to the first reading best
// undoes newly failing identities, then failing ones, while one does. Leaves the figures as it
// found them and returns which to take (none when no such set is found).
std::vector<bool> ChooseSecondReadings(std::vector<CanonicalTable>& tables,
                                       std::vector<SecondValue>& group,
                                       const std::set<std::string>& failing_before,
                                       const DigitMisreads& document_misreads) {
  // Each give-back costs a validation per candidate: bounded, as FindRepairs is.
  constexpr std::size_t kMaxGiveBacks = 16;
  std::vector<bool> taken(group.size(), true);
  const auto set = [&](std::size_t i, bool second) {
    group[i].figure->amount_fen = second ? group[i].amount_fen : group[i].first_fen;
  };
  const auto new_failures = [&](const std::set<std::string>& failing) {
    return static_cast<std::size_t>(
        std::count_if(failing.begin(), failing.end(),
                      [&](const std::string& id) { return failing_before.count(id) == 0; }));
  };
  const auto score = [&](const std::set<std::string>& failing) {
    return std::pair<std::size_t, std::size_t>{new_failures(failing), failing.size()};
  };
  for (std::size_t i = 0; i < group.size(); ++i) set(i, true);
  std::set<std::string> failing = FailingIdentities(tables);
  for (std::size_t step = 0; step < kMaxGiveBacks && !failing.empty(); ++step) {
    std::size_t best = group.size();
    std::pair<std::size_t, std::size_t> best_score = score(failing);
    for (std::size_t i = 0; i < group.size(); ++i) {
      // Giving back a reading no failing identity relates can only break one that holds.
      const std::string key = "#" + KeyOf(*group[i].figure) + "#";
      if (!taken[i] || std::none_of(failing.begin(), failing.end(), [&](const std::string& id) {
            return id.find(key) != std::string::npos;
          }))
        continue;
      set(i, false);
      const std::pair<std::size_t, std::size_t> without = score(FailingIdentities(tables));
      set(i, true);
      if (without < best_score) {
        best_score = without;
        best = i;
      }
    }
    if (best == group.size()) break;
    taken[best] = false;
    set(best, false);
    failing = FailingIdentities(tables);
  }
  // A second reading no identity holds proves nothing (its row's code misread,
  // it stands alone): it goes back to the first reading, and the rest are judged
  // without it.
  const auto drop_unheld = [&] {
    for (bool dropped = true; dropped;) {
      dropped = false;
      for (std::size_t i = 0; i < group.size(); ++i) {
        if (!taken[i] || HeldByAnIdentity(*group[i].figure, tables, failing)) continue;
        taken[i] = false;
        set(i, false);
        dropped = true;
      }
      if (dropped) failing = FailingIdentities(tables);
    }
  };
  drop_unheld();
  // At most this many cells both readers misread alike are read again (ImpliedReading).
  constexpr std::size_t kMaxImplied = 4;
  for (std::size_t step = 0; step < kMaxImplied && new_failures(failing) > 0; ++step) {
    std::set<std::string> changed;
    for (const SecondValue& value : group) changed.insert(KeyOf(*value.figure));
    const std::optional<SecondValue> implied = ImpliedReading(
        tables, failing, failing_before, changed, MisreadDigits(group, taken, document_misreads));
    if (!implied) break;
    group.push_back(*implied);
    taken.push_back(true);
    set(group.size() - 1, true);
    failing = FailingIdentities(tables);
  }
  // Still stuck with identities newly failing that no one reading's return mends, nor a cell
  // both readers misread (two readings of 20508's row, each wrong, in one identity): the
  // readings each such identity relates go back together, and the rest are judged without them.
  for (std::size_t step = 0; step < kMaxGiveBacks && new_failures(failing) > 0; ++step) {
    bool given_back = false;
    for (const std::string& id : failing) {
      if (failing_before.count(id)) continue;
      const std::vector<std::string> keys = KeysOfIdentity(id);
      for (std::size_t i = 0; i < group.size(); ++i) {
        if (!taken[i] ||
            std::find(keys.begin(), keys.end(), KeyOf(*group[i].figure)) == keys.end()) {
          continue;
        }
        taken[i] = false;
        set(i, false);
        given_back = true;
      }
    }
    if (!given_back) break;
    failing = FailingIdentities(tables);
  }
  drop_unheld();
  bool chosen = new_failures(failing) == 0 && failing.size() < failing_before.size();
  // Two readings that agree with each other prove nothing by the identity
  // between them (124.18 twice for a 221 printed 124.48 over its 22102): some
  // identity closed must also relate a figure whose reading was not changed.
  std::set<std::string> taken_keys;
  for (std::size_t i = 0; i < group.size(); ++i)
    if (taken[i]) taken_keys.insert(KeyOf(*group[i].figure));
  chosen = chosen &&
           std::any_of(failing_before.begin(), failing_before.end(), [&](const std::string& id) {
             if (failing.count(id)) return false;
             const std::vector<std::string> keys = KeysOfIdentity(id);
             return std::any_of(keys.begin(), keys.end(),
                                [&](const std::string& key) { return !taken_keys.count(key); });
           });
  for (std::size_t i = 0; chosen && i < group.size(); ++i)
    chosen = !taken[i] || HeldByAnIdentity(*group[i].figure, tables, failing);
  for (std::size_t i = 0; i < group.size(); ++i) set(i, false);
  if (!chosen) std::fill(taken.begin(), taken.end(), false);
  return taken;
}

// Takes the second readings of `group` that ChooseSecondReadings chooses and reports each with
// its `ocr.repaired` finding, naming the identities that now hold. False when no identity
// fails: there is nothing left to repair.
bool TakeSecondReadings(std::vector<CanonicalTable>& tables, std::vector<SecondValue>& group,
                        const DigitMisreads& document_misreads, std::string_view others,
                        std::vector<Finding>& findings) {
  const std::vector<Finding> before = ValidateForRepair(tables);
  if (before.empty()) return false;
  std::set<std::string> failing_before;
  for (const Finding& finding : before) failing_before.insert(IdentityOf(finding));
  const std::vector<bool> taken =
      ChooseSecondReadings(tables, group, failing_before, document_misreads);
  const std::size_t count = static_cast<std::size_t>(std::count(taken.begin(), taken.end(), true));
  if (count == 0) return true;
  for (std::size_t i = 0; i < group.size(); ++i)
    if (taken[i]) group[i].figure->amount_fen = group[i].amount_fen;
  const std::set<std::string> failing_after = FailingIdentities(tables);
  std::vector<const Finding*> resolved;
  for (const Finding& finding : before)
    if (!failing_after.count(IdentityOf(finding))) resolved.push_back(&finding);
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (!taken[i]) continue;
    Figure& figure = *group[i].figure;
    // The identities it takes part in that now hold; a figure in none of them
    // (a 款 whose 项 was misread alike) is proved by the table's.
    const std::string key = KeyOf(figure);
    std::vector<const Finding*> own;
    for (const Finding* finding : resolved)
      if (Involves(*finding, key)) own.push_back(finding);
    const std::vector<const Finding*>& cited = own.empty() ? resolved : own;
    const std::string proofs = QuotedProofs(cited);
    const std::string change =
        group[i].implied ? std::string(kMisreadOfTheTable) : std::string(kSecondReading);
    ReportRepair(figure, group[i].first_fen, figure.amount_fen, group[i].reading,
                 change + ", taken with " + std::to_string(count - 1) + " other(s) " +
                     std::string(others) +
                     ") because then fewer identities fail and none that held breaks" +
                     (own.empty() ? ", though none of its own failed: " : ": ") + proofs,
                 findings);
  }
  return true;
}

// One figure printed in several tables (a class's total in the summary and in the expenditure
// table) is misread alike in each: 22,643,016.99 read 22,043,016.99 twice, the second reader right
// in both (H28 s3w_0445_final). Changed in one table alone, or with one table's group, either
// breaks the identity between the tables that held. The second readings of `per_table` that are
// alike (the same first and second value) in two tables or more, still as first read, make one
// group each.
std::vector<std::vector<SecondValue>> AlikeAcrossTables(
    const std::vector<std::vector<SecondValue>>& per_table) {
  using Misread = std::pair<std::int64_t, std::int64_t>;  // first and second value
  std::map<Misread, std::vector<SecondValue>> alike;
  std::map<Misread, std::set<std::size_t>> tables;
  for (std::size_t t = 0; t < per_table.size(); ++t) {
    for (const SecondValue& value : per_table[t]) {
      if (value.figure->corrected || value.figure->amount_fen != value.first_fen) continue;
      const Misread misread{value.first_fen, value.amount_fen};
      alike[misread].push_back(value);
      tables[misread].insert(t);
    }
  }
  std::vector<std::vector<SecondValue>> out;
  for (auto& [misread, values] : alike) {
    if (tables[misread].size() >= 2) out.push_back(std::move(values));
  }
  return out;
}

// One reader that misreads a glyph of the document's font misreads it in every
// cell: 5 read as 3 in a 项 row, its 款 and its 类 alike, so the identities among
// them hold on the wrong figures and only the total above them fails, and no one
// figure's change can close it. The second reader's readings of a table are
// then tried together (ChooseSecondReadings), then those alike across tables.
void RepairTablesBySecondReadings(std::vector<CanonicalTable>& tables,
                                  std::vector<Finding>& findings,
                                  const std::vector<Warning>& reader_warnings) {
  std::vector<std::vector<SecondValue>> groups;
  DigitMisreads document_misreads;
  for (CanonicalTable& table : tables) {
    groups.push_back(SecondValuesOf(table, reader_warnings));
    for (const SecondValue& value : groups.back()) TallyDigitMisreads(value, document_misreads);
  }
  for (std::vector<SecondValue>& group : groups) {
    if (group.size() < 2) continue;  // one figure is FindRepairs' case
    if (!TakeSecondReadings(tables, group, document_misreads, "of the table", findings)) return;
  }
  for (std::vector<SecondValue>& group : AlikeAcrossTables(groups)) {
    if (!TakeSecondReadings(tables, group, document_misreads, "read alike in other tables",
                            findings))
      return;
  }
}

}  // namespace

std::u32string OcrConfusableDigits(char32_t digit) {
  switch (digit) {
    case U'0': return U"68";
    case U'1': return U"74";
    case U'3': return U"85";
    case U'5': return U"6";
    case U'6': return U"058";
    case U'7': return U"1";
    case U'8': return U"306";
    default: return U"";
  }
}

void RepairOcrFigures(std::vector<CanonicalTable>& tables, std::vector<Finding>& findings,
                      const std::vector<Warning>& reader_warnings) {
  // Text documents (nearly all) pay nothing.
  const bool any_ocr = std::any_of(tables.begin(), tables.end(), [](const CanonicalTable& table) {
    return std::any_of(table.rows.begin(), table.rows.end(), [](const CanonicalRow& row) {
      return std::any_of(row.values.begin(), row.values.end(), [](const Figure& figure) {
        return figure.provenance.origin == TextOrigin::kOcr;
      });
    });
  });
  if (!any_ocr) return;
  RepairTablesBySecondReadings(tables, findings, reader_warnings);
  RepairShortOcrFigures(tables, findings);
  std::set<std::string> reported_ambiguous;
  for (int round = 0; round < kMaxRounds; ++round) {
    const std::vector<Finding> failing = ValidateForRepair(tables);
    if (failing.empty()) return;
    std::vector<Repair> repairs = FindRepairs(tables, failing, reader_warnings);
    if (repairs.empty()) return;
    // A repair stands when no other candidate fixes any of the same failures.
    bool applied = false;
    for (std::size_t i = 0; i < repairs.size(); ++i) {
      std::vector<const Repair*> rivals;
      for (std::size_t j = 0; j < repairs.size(); ++j) {
        if (j == i) continue;
        const bool shared =
            std::any_of(repairs[j].resolved.begin(), repairs[j].resolved.end(),
                        [&](const std::string& s) { return repairs[i].resolved.count(s) > 0; });
        if (shared) rivals.push_back(&repairs[j]);
      }
      // A reading of the cell by the second reader is evidence of its own; a one-character
      // guess at another figure is not: the second reading wins over guesses.
      const auto by_second_reader = [](const Repair* r) { return r->change == kSecondReading; };
      if (std::any_of(rivals.begin(), rivals.end(), by_second_reader)) {
        if (!by_second_reader(&repairs[i])) continue;
      } else if (by_second_reader(&repairs[i])) {
        rivals.clear();
      }
      // A repair that mends every failure a rival mends and more explains what the rival leaves
      // failing (a class's total read .01, its fund's .61: the total's change mends the row and
      // the classes' sum, the fund's the row alone, H45 s3w_0706_final): it stands, and a repair
      // a rival so outdoes gives way.
      const auto outdone = [](const Repair& less, const Repair& more) {
        return less.resolved.size() < more.resolved.size() &&
               std::includes(more.resolved.begin(), more.resolved.end(), less.resolved.begin(),
                             less.resolved.end());
      };
      if (std::any_of(rivals.begin(), rivals.end(),
                      [&](const Repair* rival) { return outdone(repairs[i], *rival); })) {
        continue;
      }
      rivals.erase(std::remove_if(rivals.begin(), rivals.end(),
                                  [&](const Repair* rival) { return outdone(*rival, repairs[i]); }),
                   rivals.end());
      const Repair& repair = repairs[i];
      Figure& figure = *repair.figure;
      if (rivals.empty()) {
        std::string proofs;
        for (const std::string& proof : repair.proved_by) {
          if (!proofs.empty()) proofs += "; ";
          proofs += proof;
        }
        ReportRepair(
            figure, figure.amount_fen, repair.amount_fen, repair.correction,
            repair.change + ") because then every identity it takes part in holds: " + proofs,
            findings);
        applied = true;
        continue;
      }
      // Report each ambiguous group once, from its first member.
      bool first = true;
      for (const Repair* rival : rivals) first = first && rival > &repair;
      if (!first) continue;
      std::string key = repair.reading + "|" + KeyOf(figure);
      if (!reported_ambiguous.insert(key).second) continue;
      Finding finding;
      finding.check = "ocr.repair_ambiguous";
      finding.severity = Severity::kWarning;
      finding.printed_text = repair.reading;
      finding.provenance = figure.provenance;
      finding.message =
          "an identity fails on OCR figures and " + std::to_string(rivals.size() + 1) +
          " one-character corrections would each fix it; none was applied: " + Where(figure) +
          " '" + repair.reading + "' -> '" + repair.correction + "'";
      finding.figures.push_back(ReferenceTo(figure));
      for (const Repair* rival : rivals) {
        finding.message += ", " + Where(*rival->figure) + " '" + rival->reading + "' -> '" +
                           rival->correction + "'";
        finding.figures.push_back(ReferenceTo(*rival->figure));
      }
      findings.push_back(std::move(finding));
    }
    if (!applied) return;
  }
}

}  // namespace disclose
