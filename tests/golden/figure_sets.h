// Figures as comparable "kind|row_code|column|amount_yuan" keys, and the
// comparison the golden tests make of two such multisets (hand-read truth
// against the pipeline, a DOCX against its PDF render).
//
//   const FigureDiff diff = CompareFigures(expected, FigureKeys(normalized));
//   EXPECT_TRUE(diff.missing.empty()) << diff.missing.size() << " missing";
#pragma once

#include <algorithm>
#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/money.h"
#include "normalize/normalize.h"

namespace disclose {

inline std::string FigureKey(const std::string& kind, const std::string& row_code,
                             const std::string& column, const std::string& amount_yuan) {
  return kind + "|" + row_code + "|" + column + "|" + amount_yuan;
}

// Every figure of `normalized` whose table kind `keep` accepts (all when empty).
inline std::multiset<std::string> FigureKeys(
    const NormalizedDocument& normalized,
    const std::function<bool(const std::string& kind)>& keep = {}) {
  std::multiset<std::string> keys;
  for (const Figure& figure : normalized.AllFigures()) {
    if (keep && !keep(figure.table_kind)) continue;
    keys.insert(FigureKey(figure.table_kind, figure.row_code, figure.column,
                          FormatYuan(figure.amount_fen)));
  }
  return keys;
}

struct FigureDiff {
  std::vector<std::string> missing;  // expected, not produced (counted as a multiset)
  std::vector<std::string> extra;    // produced, not expected
};

inline FigureDiff CompareFigures(const std::multiset<std::string>& expected,
                                 const std::multiset<std::string>& produced) {
  FigureDiff diff;
  std::set_difference(expected.begin(), expected.end(), produced.begin(), produced.end(),
                      std::back_inserter(diff.missing));
  std::set_difference(produced.begin(), produced.end(), expected.begin(), expected.end(),
                      std::back_inserter(diff.extra));
  return diff;
}

}  // namespace disclose
