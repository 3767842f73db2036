#include "normalize/ocr_labels.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "core/text.h"
#include "normalize/classification.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// How near a reading must be: the share of the longer text's ideographs the edit distance
// leaves in place (a misread substitutes a character where it stands, so 其他公安支出 is far
// from 公共安全支出 though they share four characters in order), the margin over the nearest
// label of another key, and the fewest ideographs read (a label of two in which one is misread
// is too little to tell).
constexpr double kLeastSimilarity = 0.6;
constexpr double kLeastMargin = 0.1;
constexpr std::size_t kLeastRead = 3;
constexpr std::size_t kMostLengthDifference = 1;

// Summary rows the row keys (table_row_keys.cc) understand, as publishers print them; the
// expenditure classes come from the national classification.
constexpr std::string_view kSummaryLabels[] = {
    // Jiangsu's summaries: 一、财政拨款 over 1.一般公共预算 / 2.政府性基金预算.
    "财政拨款",
    "一般公共预算",
    "政府性基金预算",
    "国有资本经营预算",
    "一般公共预算拨款",
    "一般公共预算资金",
    "政府性基金预算拨款",
    "政府性基金预算资金",
    "国有资本经营预算拨款",
    "国有资本经营预算资金",
    "财政专户管理资金",
    "单位资金",
    "事业收入",
    "事业单位经营收入",
    "上级补助收入",
    "附属单位上缴收入",
    "其他收入",
    "本年收入合计",
    "上年结转结余",
    "年初结转和结余",
    "收入总计",
    "使用非财政拨款结余",
    "非财政拨款结转",
    "本年支出合计",
    "年终结转结余",
    "年末结转和结余",
    "支出总计",
    "基本支出",
    "项目支出",
    "结余分配",
    "预留机动经费",
    // Jiangsu's wordings: its summaries' reserve line, its 2017-2018 income lists' appropriation.
    "单位预留机动经费",
    "公共财政拨款(补助)资金",
};

constexpr std::string_view kThreePublicLabels[] = {
    "因公出国(境)费",
    "公务用车购置及运行费",
    "公务用车购置费",
    "公务用车运行维护费",
    "公务接待费",
    "机关运行经费",
    // The operation part's short wording, as most publishers and the layout sweep print it.
    "公务用车运行费",
};

// Column headers the header stage (LeafKey) keys, as publishers print them.
constexpr std::string_view kColumnLabels[] = {
    "一般公共预算拨款",
    "一般公共预算收入",
    "一般公共预算资金",
    "政府性基金预算拨款",
    "政府性基金预算收入",
    // The funds' names alone, under 本年收入 or 上年结转结余 (js_wuxi_transport).
    "一般公共预算",
    "政府性基金预算",
    "国有资本经营预算",
    // An income table's fund columns printed in full (fj_fuzhou_sci): the short forms alone
    // leave the two characters 收入 over the one a word read out of order may carry.
    "一般公共预算拨款收入",
    "政府性基金预算拨款收入",
    "国有资本经营预算拨款收入",
    // A procurement list's and a project table's fund sources, printed short.
    "政府性基金",
    "其他资金",
    "国有资本经营预算拨款",
    "国有资本经营预算收入",
    "财政专户管理资金收入",
    "财政专户管理资金",
    "单位资金",
    "事业收入",
    "事业单位经营收入",
    "其他收入",
    "上级补助收入",
    "附属单位上缴收入",
    "财政拨款结转",
    "非财政拨款结转",
    "基本支出",
    "一般公共预算基本支出",  // a group over 合计 | 人员经费 | 公用经费 (Shanghai)
    "项目支出",
    "人员经费",
    "公用经费",
    "人员支出",
    "日常公用支出",
    "上缴上级支出",
    "对附属单位补助支出",
    "经营支出",
    "预留机动经费",
    "单位预留机动经费",  // Jiangsu's 支出预算总表 prints it so
    "上年结转",
};

// The key a label gives, so that two spellings of one key do not compete.
std::string KeyOf(const std::string& label, LabelVocabulary vocabulary) {
  if (vocabulary == LabelVocabulary::kThreePublicRows) return ThreePublicKey(label);
  if (vocabulary == LabelVocabulary::kColumns) {
    const std::string key = LeafKey(label);
    return key == "-" ? "" : key;
  }
  const std::string income = IncomeKey(label);
  if (!income.empty()) return "income." + income;
  const std::string expenditure = ExpenditureKey(label);
  return expenditure.empty() ? "" : "expenditure." + expenditure;
}

// The ideographs of a reading, after a misread ordinal: "几、了1生健康过出" -> 了生健康过出. An
// ordinal is up to two characters (二十二、 misread 下克、), or three with a numeral among them
// (二十一、); a longer head is part of the label, its mark a speck (金其他，资金 for 其他资金).
std::u32string Ideographs(std::string_view read) {
  std::vector<char32_t> cps = DecodeUtf8(read);
  std::size_t begin = 0;
  for (std::size_t i = 0; i < cps.size() && i < 5; ++i) {
    if (cps[i] == U'、' || cps[i] == U'，' || cps[i] == U',' || cps[i] == U'.' || cps[i] == U'．') {
      const bool numeral =
          std::any_of(cps.begin(), cps.begin() + static_cast<long>(i), IsOrdinalNumeral);
      if (i <= 2 || (i <= 3 && numeral)) begin = i + 1;
      break;
    }
  }
  std::u32string out;
  for (std::size_t i = begin; i < cps.size(); ++i) {
    if (IsCjkIdeograph(cps[i])) out += cps[i];
  }
  // 其中 ("of which") before a part's label is no part of it (其中:公务用车购轰费, H31
  // s3w_0495_final: two ideographs more than the label kept it from being near enough).
  if (out.size() > 2 && out.compare(0, 2, U"其中") == 0) out.erase(0, 2);
  return out;
}

std::size_t EditDistance(std::u32string_view a, std::u32string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// A misread keeps a label's length to a character: a longer name that holds a label
// (其他一般公共服务支出, a 项 beside the classes) is another row, not a misreading of it.
bool LengthsClose(std::u32string_view read, std::u32string_view known) {
  const std::size_t shorter = std::min(read.size(), known.size());
  const std::size_t longer = std::max(read.size(), known.size());
  return longer - shorter <= kMostLengthDifference;
}

// The nearest of a set of candidates, each under a key (a canonical label; a code): it is taken
// only when its score clears a floor and stands a margin above the best score of every other
// key, so that a reading halfway between two labels names neither.
class NearestMatch {
 public:
  void Offer(std::string_view key, std::string_view value, double score) {
    if (!best_ || score > best_score_) {
      if (best_ && best_key_ != key) runner_up_ = std::max(runner_up_, best_score_);
      best_ = value;
      best_key_ = key;
      best_score_ = score;
    } else if (key != best_key_) {
      runner_up_ = std::max(runner_up_, score);
    }
  }
  std::optional<std::string> Taken(double least) const {
    if (!best_ || best_score_ < least || best_score_ - runner_up_ < kLeastMargin)
      return std::nullopt;
    return std::string(*best_);
  }

 private:
  std::optional<std::string_view> best_;
  std::string_view best_key_;
  double best_score_ = 0;
  double runner_up_ = 0;  // the best score of another key
};

struct Candidate {
  std::string label;
  std::string key;
  std::u32string ideographs;
};

Candidate CandidateOf(std::string label, LabelVocabulary vocabulary) {
  std::string key = KeyOf(label, vocabulary);
  std::u32string ideographs = Ideographs(label);
  return {std::move(label), std::move(key), std::move(ideographs)};
}

template <std::size_t N>
std::vector<Candidate> CandidatesFrom(const std::string_view (&labels)[N],
                                      LabelVocabulary vocabulary) {
  std::vector<Candidate> out;
  for (std::string_view label : labels) out.push_back(CandidateOf(std::string(label), vocabulary));
  return out;
}

const std::vector<Candidate>& CandidatesOf(LabelVocabulary vocabulary) {
  static const std::vector<Candidate> summary = [] {
    std::vector<Candidate> out = CandidatesFrom(kSummaryLabels, LabelVocabulary::kSummaryRows);
    for (const std::string& name : AllFunctionClassNames()) {
      out.push_back(CandidateOf(name, LabelVocabulary::kSummaryRows));
    }
    return out;
  }();
  static const std::vector<Candidate> three_public =
      CandidatesFrom(kThreePublicLabels, LabelVocabulary::kThreePublicRows);
  static const std::vector<Candidate> columns =
      CandidatesFrom(kColumnLabels, LabelVocabulary::kColumns);
  switch (vocabulary) {
    case LabelVocabulary::kSummaryRows: return summary;
    case LabelVocabulary::kThreePublicRows: return three_public;
    case LabelVocabulary::kColumns: break;
  }
  return columns;
}

constexpr std::u32string_view kFundNames[] = {U"一般公共预算", U"政府性基金预算",
                                              U"国有资本经营预算"};

double Similarity(std::u32string_view read, std::u32string_view label) {
  const std::size_t longer = std::max(read.size(), label.size());
  return 1.0 - static_cast<double>(EditDistance(read, label)) / static_cast<double>(longer);
}

// A header word wrapped over two lines in a narrow cell that OCR read column by column or
// with a neighbour's character (一般公共|预算资金 read 式“预一算般资金公共): every ideograph of the
// label is read, out of order, with at most this many others; a label of kLeastForOneLost
// ideographs or more may also have lost one (公务用车运行维护费 read 。运公务行用维车费). The
// label of one key only, the longest of those read, else nullopt. `exact`: every ideograph of
// the label read, none lost and none more.
constexpr std::size_t kMostScrambledExtra = 1;
constexpr std::size_t kLeastForOneLost = 6;

std::optional<std::string> ScrambledLabel(const std::u32string& read, LabelVocabulary vocabulary,
                                          bool exact = false) {
  std::u32string sorted_read = read;
  std::sort(sorted_read.begin(), sorted_read.end());
  const Candidate* found = nullptr;
  for (const Candidate& candidate : CandidatesOf(vocabulary)) {
    if (candidate.ideographs.size() < kLeastRead) continue;
    std::u32string sorted_label = candidate.ideographs;
    std::sort(sorted_label.begin(), sorted_label.end());
    std::u32string common;
    std::set_intersection(sorted_read.begin(), sorted_read.end(), sorted_label.begin(),
                          sorted_label.end(), std::back_inserter(common));
    const std::size_t lost = sorted_label.size() - common.size();
    const std::size_t extra = read.size() - common.size();
    if (exact ? lost + extra > 0
              : lost > (sorted_label.size() >= kLeastForOneLost ? 1u : 0u) ||
                    extra > kMostScrambledExtra) {
      continue;
    }
    if (found != nullptr && found->key != candidate.key) return std::nullopt;
    if (found == nullptr || candidate.ideographs.size() > found->ideographs.size()) {
      found = &candidate;
    }
  }
  if (found == nullptr) return std::nullopt;
  return found->label;
}

}  // namespace

std::optional<std::string> WithMisreadFundNameRestored(std::string_view title) {
  const std::vector<char32_t> cps = DecodeUtf8(RemoveAllWhitespace(title));
  const std::u32string text(cps.begin(), cps.end());
  std::optional<std::string> restored;
  for (const std::u32string_view fund : kFundNames) {
    if (text.find(fund) != std::u32string::npos) return std::nullopt;
    for (std::size_t begin = 0; begin < text.size(); ++begin) {
      if (text[begin] != fund.front()) continue;
      std::optional<std::size_t> end;
      for (std::size_t last = begin + 1; last < text.size(); ++last) {
        if (text[last] != fund.back()) continue;
        std::u32string ideographs;
        for (std::size_t i = begin; i <= last; ++i) {
          if (IsCjkIdeograph(text[i])) ideographs += text[i];
        }
        if (!LengthsClose(ideographs, fund)) continue;
        if (Similarity(ideographs, fund) < kLeastSimilarity) continue;
        end = last + 1;
        break;
      }
      if (!end) continue;
      // Two fund names read into one title: which one it named is not known.
      if (restored) return std::nullopt;
      std::u32string out = text;
      out.replace(begin, *end - begin, fund);
      restored = EncodeUtf8(std::vector<char32_t>(out.begin(), out.end()));
      break;
    }
  }
  return restored;
}

std::optional<std::string> NearestSubclassCode(std::string_view read,
                                               const std::vector<std::string>& codes) {
  const std::u32string ideographs = Ideographs(StripOrdinal(TableKey(read)));
  if (ideographs.size() < kLeastRead) return std::nullopt;
  NearestMatch nearest;
  bool unnamed = false;  // a candidate code no document printed
  for (const std::string& code : codes) {
    const std::vector<std::string> names = KnownFunctionSubclassNames(code);
    if (names.empty()) unnamed = true;
    double score = 0;
    for (const std::string& name : names) {
      const std::u32string known = Ideographs(name);
      if (!LengthsClose(ideographs, known)) continue;
      score = std::max(score, Similarity(ideographs, known));
    }
    nearest.Offer(code, code, score);
  }
  return nearest.Taken(kLeastSimilarity + (unnamed ? kLeastMargin : 0));
}

namespace {

// A fund's name whose 算 the scan lost (一般公共预财政拨款, H13 s3w_0199_final's fiscal summary:
// read as 财政拨款, every appropriation, not the general budget's): a fund's name without its last
// character (一般公共预, 政府性基金预, 国有资本经营预) begins no other word, so the name is
// completed; "" when the text holds no such head.
std::string WithFundNameCompleted(const std::string& text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  const std::u32string read(cps.begin(), cps.end());
  for (const std::u32string_view fund : kFundNames) {
    const std::u32string_view head = fund.substr(0, fund.size() - 1);
    const std::size_t at = read.find(head);
    if (at == std::u32string::npos) continue;
    const std::size_t after = at + head.size();
    if (after < read.size() && read[after] == fund.back()) continue;
    std::u32string completed = read;
    completed.insert(after, 1, fund.back());
    return EncodeUtf8(std::vector<char32_t>(completed.begin(), completed.end()));
  }
  return "";
}

}  // namespace

std::optional<std::string> NearestOcrLabel(std::string_view read, LabelVocabulary vocabulary) {
  const std::string as_printed = StripOrdinal(TableKey(read));
  if (as_printed.empty()) return std::nullopt;
  if (vocabulary == LabelVocabulary::kSummaryRows) {
    const std::string completed = WithFundNameCompleted(as_printed);
    if (!completed.empty() && !KeyOf(completed, vocabulary).empty()) return completed;
  }
  // 预算 and 决算 key a column alone (预算数), and every fund's name holds 预算: a read that
  // keys only so (政金府预算性) may still be a fund's name out of order.
  const std::string read_key = KeyOf(as_printed, vocabulary);
  const bool generic =
      vocabulary == LabelVocabulary::kColumns && (read_key == "budget" || read_key == "final");
  if (!read_key.empty() && !generic) return std::nullopt;
  if (vocabulary == LabelVocabulary::kThreePublicRows && IsCountRow(as_printed))
    return std::nullopt;
  const std::u32string ideographs = Ideographs(read);
  // 总计 printed letter-spaced (总    计) loses its 计 to the reader or to the cell beside it
  // (H28 s3w_0445_final's fiscal summary: its grand total exported under 总, unkeyed). 总 alone is
  // 总计: no other summary line starts with it.
  if (vocabulary == LabelVocabulary::kSummaryRows && ideographs == U"总") return "总计";
  if (ideographs.size() < kLeastRead) return std::nullopt;
  NearestMatch nearest;
  for (const Candidate& candidate : CandidatesOf(vocabulary)) {
    if (!LengthsClose(ideographs, candidate.ideographs)) continue;
    nearest.Offer(candidate.key, candidate.label, Similarity(ideographs, candidate.ideographs));
  }
  std::optional<std::string> label = nearest.Taken(kLeastSimilarity);
  // Header words: a scan reads a word wrapped in a narrow cell out of order. So it does a
  // summary's row label wrapped over lines (社业会支出保障和就 for 社会保障和就业支出, H31
  // s3w_0495_final); among the many rows a summary names, only one whose every ideograph is
  // read, none more, is taken.
  if (label) return label;
  const bool summary = vocabulary == LabelVocabulary::kSummaryRows;
  label = ScrambledLabel(ideographs, vocabulary, /*exact=*/summary);
  // The line's ordinal read into the scrambled words (一等支、出自然资源海洋气象 for 一、自然资源
  // 海洋气象等支出, H52 s3w_0818_final): its 、 is there, and its numeral is no word of the label.
  // Read without one numeral, the label must still be the only one, every ideograph read.
  if (!label && summary && Has(read, "、")) {
    // Every ideograph: the words before the 、 are the label's, not a misread ordinal's.
    std::u32string all;
    for (const char32_t c : DecodeUtf8(read)) {
      if (IsCjkIdeograph(c)) all += c;
    }
    std::optional<std::string> found;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!IsOrdinalNumeral(all[i])) continue;
      std::u32string without = all;
      without.erase(i, 1);
      const std::optional<std::string> scrambled =
          ScrambledLabel(without, vocabulary, /*exact=*/true);
      if (!scrambled) continue;
      if (found && KeyOf(*found, vocabulary) != KeyOf(*scrambled, vocabulary)) return std::nullopt;
      found = scrambled;
    }
    label = found;
  }
  return label;
}

}  // namespace disclose
