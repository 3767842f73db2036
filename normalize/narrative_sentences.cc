#include "normalize/narrative_sentences.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/text.h"
#include "normalize/narrative_amount.h"

namespace disclose {
namespace {

// Patterns run on FoldForMatching text without whitespace, so full-width
// digits, commas and parentheses are ASCII here and "增长 22 %" reads "增长22%".
const RE2& AmountPattern() {
  static const RE2 pattern(R"(((\d[\d,]*(?:\.\d+)?)(亿元|万元|元)))");
  return pattern;
}
const RE2& RatePattern() {
  static const RE2 pattern(R"((增加|减少|增长|下降|上升|降低)了?(\d+(?:\.\d+)?)%)");
  return pattern;
}
const RE2& ChangeWordAtEnd() {
  static const RE2 pattern(R"((增加|减少|增长|下降|上升|降低)了?$)");
  return pattern;
}
const RE2& YearPattern() {
  static const RE2 pattern(R"((\d{4})年)");
  return pattern;
}
const RE2& ComparisonYearPattern() {
  static const RE2 pattern(R"((比|较|与|同)(\d{4})年(度)?)");
  return pattern;
}
const RE2& ItemHeadingPattern() {
  static const RE2 pattern(R"((\((\d{2})?项\)[”"]?(\d[\d,]*(?:\.\d+)?)(万元|元)))");
  return pattern;
}
const RE2& ItemArrangedPattern() {
  static const RE2 pattern(R"(((\d{4})年预算安排(\d[\d,]*(?:\.\d+)?)(万元|元)))");
  return pattern;
}

struct AmountAt {
  std::size_t begin = 0;
  std::size_t end = 0;
  NarrativeAmount amount;
  std::string text;
};

bool IsIncrease(std::string_view word) {
  return word == "增加" || word == "增长" || word == "上升";
}

int DecimalsOf(std::string_view number) {
  const std::size_t point = number.find('.');
  return point == std::string_view::npos ? 0 : static_cast<int>(number.size() - point - 1);
}

// A label speaks of an earlier year when it names 上年, an execution figure
// (预算执行数 is last year's outturn in a budget) or a year before the fiscal year.
bool NamesEarlierYear(std::string_view label, int fiscal_year) {
  if (label.find("上年") != std::string_view::npos ||
      label.find("执行数") != std::string_view::npos) {
    return true;
  }
  re2::StringPiece input(label.data(), label.size());
  int year = 0;
  while (RE2::FindAndConsume(&input, YearPattern(), &year)) {
    if (fiscal_year > 0 && year < fiscal_year) return true;
  }
  return false;
}

std::vector<AmountAt> FindAmounts(std::string_view sentence) {
  std::vector<AmountAt> amounts;
  re2::StringPiece input(sentence.data(), sentence.size());
  re2::StringPiece whole;
  while (RE2::FindAndConsume(&input, AmountPattern(), &whole)) {
    const std::size_t begin = static_cast<std::size_t>(whole.data() - sentence.data());
    const std::size_t end = begin + whole.size();
    // "0.18万元/人" is a rate; "≥500万元" a threshold.
    if (end < sentence.size() && sentence[end] == '/') continue;
    if (begin > 0 && (sentence[begin - 1] == '.' ||
                      (sentence[begin - 1] >= '0' && sentence[begin - 1] <= '9'))) {
      continue;
    }
    std::optional<NarrativeAmount> amount = ParseNarrativeAmount(whole);
    if (!amount) continue;
    amounts.push_back({begin, end, *amount, std::string(whole)});
  }
  return amounts;
}

std::string Percent(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.2f%%", value);
  return buffer;
}

void CheckRatesInSentence(std::string_view sentence, int fiscal_year, const Provenance& provenance,
                          std::vector<Finding>& findings) {
  const std::vector<AmountAt> amounts = FindAmounts(sentence);
  if (amounts.empty()) return;
  re2::StringPiece input(sentence.data(), sentence.size());
  std::size_t previous_rate_end = 0;
  std::string word;
  std::string number;
  while (RE2::FindAndConsume(&input, RatePattern(), &word, &number)) {
    const std::size_t rate_end = static_cast<std::size_t>(input.data() - sentence.data());
    const std::size_t rate_begin =
        sentence.rfind(word, rate_end - number.size() - 1) == std::string_view::npos
            ? rate_end
            : sentence.rfind(word, rate_end - number.size() - 1);
    // Amounts stated since the previous rate, so "A…增长x%，B…增长y%" pairs right.
    std::vector<const AmountAt*> before;
    for (const AmountAt& amount : amounts) {
      if (amount.begin >= previous_rate_end && amount.end <= rate_begin) before.push_back(&amount);
    }
    previous_rate_end = rate_end;
    if (before.size() < 2) continue;
    const AmountAt& last = *before.back();
    const AmountAt& second_last = *before[before.size() - 2];
    const std::string_view last_label =
        sentence.substr(second_last.end, last.begin - second_last.end);

    double expected = 0;   // percent, from the amounts
    double tolerance = 0;  // percent, from the rounding of the printed amounts
    std::string basis;
    std::string change_word;
    if (RE2::PartialMatch(re2::StringPiece(last_label.data(), last_label.size()), ChangeWordAtEnd(),
                          &change_word)) {
      // "收入预算X万元，比上年增加Δ万元，增长R%": the base is X ∓ Δ.
      if (last_label.find("比") == std::string_view::npos &&
          last_label.find("相比") == std::string_view::npos) {
        continue;
      }
      const double sign = IsIncrease(change_word) ? 1.0 : -1.0;
      const double current = static_cast<double>(second_last.amount.fen);
      const double change = sign * static_cast<double>(last.amount.fen);
      const double base = current - change;
      if (base <= 0) continue;
      expected = 100.0 * change / base;
      const double base_error =
          static_cast<double>(second_last.amount.half_unit_fen + last.amount.half_unit_fen);
      tolerance =
          100.0 *
          (static_cast<double>(last.amount.half_unit_fen) + std::fabs(change / base) * base_error) /
          base;
      basis = second_last.text + " and a change of " + change_word + last.text;
    } else {
      // "2025年…执行数为A万元，2026年预算安排B万元，比2025年…增加R%".
      const std::string_view rate_label = sentence.substr(last.end, rate_begin - last.end);
      if (rate_label.find("比") == std::string_view::npos) continue;
      const std::size_t label_start = before.size() >= 3 ? before[before.size() - 3]->end : 0;
      const std::string_view base_label =
          sentence.substr(label_start, second_last.begin - label_start);
      if (!NamesEarlierYear(base_label, fiscal_year) || NamesEarlierYear(last_label, fiscal_year)) {
        continue;
      }
      const double base = static_cast<double>(second_last.amount.fen);
      const double current = static_cast<double>(last.amount.fen);
      if (base <= 0) continue;
      expected = 100.0 * (current - base) / base;
      tolerance =
          100.0 *
          (static_cast<double>(last.amount.half_unit_fen) +
           std::fabs(current / base) * static_cast<double>(second_last.amount.half_unit_fen)) /
          base;
      basis = second_last.text + " to " + last.text;
    }
    const double printed = (IsIncrease(word) ? 1.0 : -1.0) * std::strtod(number.c_str(), nullptr);
    // One unit of the printed rate's last digit: documents round and truncate.
    tolerance += std::pow(10.0, -DecimalsOf(number)) + 1e-9;
    if (std::fabs(printed - expected) <= tolerance) continue;
    Finding finding;
    finding.check = "narrative.growth_rate";
    finding.severity = Severity::kError;
    finding.printed_text = word + number + "%";
    finding.message = "the narrative says \"" + finding.printed_text + "\" but " + basis + " is " +
                      Percent(expected) + " in \"" + std::string(sentence) + "\"";
    finding.provenance = provenance;
    findings.push_back(std::move(finding));
  }
}

void CheckComparisonYears(std::string_view text, const DocumentMetadata& metadata, int fiscal_year,
                          const Provenance& provenance, std::vector<Finding>& findings) {
  re2::StringPiece input(text.data(), text.size());
  std::string word;
  int year = 0;
  std::string year_suffix;
  int count = 0;
  std::string first;
  while (RE2::FindAndConsume(&input, ComparisonYearPattern(), &word, &year, &year_suffix)) {
    const std::size_t end = static_cast<std::size_t>(input.data() - text.data());
    // Final accounts compare 决算 with the same year's 年初预算; anything else
    // compares with a year that has not ended or has not begun.
    const std::string_view after = text.substr(end, 12);
    const bool same_year_budget = after.find("预算") != std::string_view::npos ||
                                  after.find("年初") != std::string_view::npos;
    // "与/同" also join two years ("2023年与2024年均未安排"): only a phrase
    // that goes on to compare (相比, 持平, 比较) is a comparison.
    if ((word == "与" || word == "同") &&
        text.substr(end, 24).find("相比") == std::string_view::npos &&
        text.substr(end, 24).find("持平") == std::string_view::npos &&
        text.substr(end, 24).find("比较") == std::string_view::npos) {
      continue;
    }
    const bool wrong = metadata.kind == DocKind::kBudget
                           ? year >= fiscal_year
                           : year > fiscal_year || (year == fiscal_year && !same_year_budget);
    if (!wrong) continue;
    if (count++ == 0) {
      const std::size_t begin = end - word.size() - 4 - 3 - year_suffix.size();
      std::size_t stop = text.size();
      for (std::string_view mark : {",", ";", "。"}) {
        const std::size_t at = text.find(mark, end);
        if (at != std::string_view::npos) stop = std::min(stop, at);
      }
      first = std::string(text.substr(begin, stop - begin));
    }
  }
  if (count == 0) return;
  Finding finding;
  finding.check = "narrative.comparison_year";
  finding.severity = Severity::kWarning;
  finding.printed_text = first;
  finding.message = "the " + metadata.fiscal_year.value + " " +
                    std::string(DocKindName(metadata.kind)) +
                    " compares with its own or a later year (" + std::to_string(count) +
                    (count == 1 ? " time" : " times") + " in this paragraph): \"" + first + "\"";
  finding.provenance = provenance;
  findings.push_back(std::move(finding));
}

void CheckItemAmounts(std::string_view text, int fiscal_year, const Provenance& provenance,
                      std::vector<Finding>& findings) {
  struct Match {
    std::size_t begin, end;
    std::string amount_text;
    std::optional<NarrativeAmount> amount;
  };
  auto find_all = [&](const RE2& pattern, bool arranged) {
    std::vector<Match> matches;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece whole;
    std::string year_or_code, number, unit;
    while (RE2::FindAndConsume(&input, pattern, &whole, &year_or_code, &number, &unit)) {
      const std::size_t begin = static_cast<std::size_t>(whole.data() - text.data());
      const std::size_t end = begin + whole.size();
      if (arranged && std::atoi(year_or_code.c_str()) != fiscal_year) continue;
      matches.push_back({begin, end, number + unit, ParseNarrativeAmount(number + unit)});
    }
    return matches;
  };
  const std::vector<Match> headings = find_all(ItemHeadingPattern(), false);
  const std::vector<Match> arranged = find_all(ItemArrangedPattern(), true);
  for (std::size_t h = 0; h < headings.size(); ++h) {
    const std::size_t limit = h + 1 < headings.size() ? headings[h + 1].begin : text.size();
    for (const Match& statement : arranged) {
      if (statement.begin < headings[h].end || statement.begin >= limit) continue;
      if (!headings[h].amount || !statement.amount) continue;
      const std::int64_t tolerance =
          headings[h].amount->half_unit_fen + statement.amount->half_unit_fen;
      if (std::llabs(headings[h].amount->fen - statement.amount->fen) <= tolerance) continue;
      Finding finding;
      finding.check = "narrative.item_amount";
      finding.severity = Severity::kError;
      finding.expected_fen = headings[h].amount->fen;
      finding.actual_fen = statement.amount->fen;
      finding.tolerance_fen = tolerance;
      finding.printed_text = statement.amount_text;
      finding.message = "an item headed " + headings[h].amount_text + " says its " +
                        std::to_string(fiscal_year) + " budget is " + statement.amount_text;
      finding.provenance = provenance;
      findings.push_back(std::move(finding));
    }
  }
}

}  // namespace

void CheckNarrativeSentences(std::string_view paragraph_text, const Provenance& provenance,
                             const DocumentMetadata& metadata, std::vector<Finding>& findings) {
  const int fiscal_year = std::atoi(metadata.fiscal_year.value.c_str());
  if (fiscal_year <= 0) return;
  // Most paragraphs state no figure; folding them is the expensive part.
  const bool has_digit =
      std::any_of(paragraph_text.begin(), paragraph_text.end(),
                  [](char c) { return c >= '0' && c <= '9'; }) ||
      paragraph_text.find("\xEF\xBC") != std::string_view::npos;  // full-width forms
  if (!has_digit) return;
  const std::string text = RemoveAllWhitespace(FoldForMatching(paragraph_text));
  if (text.find('%') != std::string::npos) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.size();
      for (std::string_view stop : {"。", ";", "!", "?"}) {
        const std::size_t at = text.find(stop, start);
        if (at != std::string::npos && at < end) end = at;
      }
      CheckRatesInSentence(std::string_view(text).substr(start, end - start), fiscal_year,
                           provenance, findings);
      start = end + (end < text.size() && text.compare(end, 3, "。") == 0 ? 3 : 1);
    }
  }
  if (text.find("年") != std::string::npos) {
    CheckComparisonYears(text, metadata, fiscal_year, provenance, findings);
  }
  if (metadata.kind == DocKind::kBudget && text.find("项)") != std::string::npos) {
    CheckItemAmounts(text, fiscal_year, provenance, findings);
  }
}

}  // namespace disclose
