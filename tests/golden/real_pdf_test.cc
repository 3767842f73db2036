// Real published PDFs (../shared/real) against hand-read expectations.
//
// fixtures/real/expectations.tsv says, for each PDF, the publishing department, the fiscal
// year, the document kind and the standard tables it contains; fixtures/real/
// known_document_errors.tsv lists the errors injected into
// sh_putuo_finance_2024_final_MODIFIED.pdf (and errors the originals carry themselves) with
// the check that must report them. A row is checked only when its `status` is `pass`;
// `pending` rows print a note, so flipping a row to `pass` is how progress is recorded.
// Every mismatch of a file is reported (EXPECT_*), each under a SCOPED_TRACE naming the file.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/normalized.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tests/golden/expectations_tsv.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = DISCLOSE_SOURCE_DIR;
const fs::path kRealDir = fs::path(DISCLOSE_SHARED_DIR) / "real";

struct Processed {
  bool read_ok = false;
  std::string read_error;
  NormalizedDocument normalized;
};

// Each PDF is read and normalized once, however many tests look at it.
const Processed& Process(const std::string& file) {
  static std::map<std::string, Processed> cache;
  auto found = cache.find(file);
  if (found != cache.end()) return found->second;
  Processed processed;
  Result<Document> document = ReadDocument((kRealDir / file).string(), ExtractOptions{});
  if (document.ok()) {
    processed.read_ok = true;
    processed.normalized = Normalize(document.value(), NormalizeOptions{});
  } else {
    processed.read_error = document.status().message();
  }
  return cache.emplace(file, std::move(processed)).first->second;
}

TEST(RealPdfTest, ExpectationsCoverEveryPdf) {
  std::vector<TsvRow> rows = ReadTsv(kSourceDir / "fixtures/real/expectations.tsv");
  ASSERT_FALSE(rows.empty()) << "fixtures/real/expectations.tsv missing or empty";
  std::set<std::string> listed;
  for (const TsvRow& row : rows) {
    EXPECT_TRUE(listed.insert(row.at("file")).second) << "listed twice: " << row.at("file");
    EXPECT_TRUE(row.at("status") == "pass" || row.at("status") == "pending")
        << row.at("file") << ": status must be pass or pending, is '" << row.at("status") << "'";
    EXPECT_TRUE(row.at("doc_kind") == "budget" || row.at("doc_kind") == "final_accounts")
        << row.at("file");
  }
  if (!fs::is_directory(kRealDir)) GTEST_SKIP() << kRealDir << " not present";
  for (const auto& entry : fs::directory_iterator(kRealDir)) {
    if (entry.path().extension() != ".pdf") continue;
    EXPECT_TRUE(listed.count(entry.path().filename().string()))
        << "no expectations for " << entry.path().filename();
  }
}

// Mismatches of one PDF against its expectations row, one line each; empty when it passes.
std::vector<std::string> MetadataAndTableMismatches(const TsvRow& row) {
  std::vector<std::string> mismatches;
  const std::string& file = row.at("file");
  if (!fs::exists(kRealDir / file)) return {"missing input " + (kRealDir / file).string()};
  const Processed& processed = Process(file);
  if (!processed.read_ok) return {"ReadDocument failed: " + processed.read_error};
  const NormalizedDocument& normalized = processed.normalized;
  auto compare = [&](const std::string& what, const std::string& actual,
                     const std::string& expected) {
    if (actual != expected) {
      mismatches.push_back(what + ": got \"" + actual + "\", expected \"" + expected + "\"");
    }
  };
  compare("department", normalized.metadata.department.value, row.at("department"));
  compare("fiscal_year", normalized.metadata.fiscal_year.value, row.at("fiscal_year"));
  compare("doc_kind", std::string(DocKindName(normalized.metadata.kind)), row.at("doc_kind"));
  std::set<std::string> found_kinds;
  std::string found_list;
  for (const CanonicalTable& table : normalized.tables) {
    found_kinds.insert(table.kind);
    found_list += table.kind + ";";
  }
  for (const std::string& kind : SplitSemicolons(row.at("tables"))) {
    if (!found_kinds.count(kind)) {
      mismatches.push_back("table " + kind + " not found; tables found: [" + found_list + "]");
    }
  }
  return mismatches;
}

// Set DISCLOSE_REAL_ALL=1 to also evaluate `pending` rows: they are reported (which now
// pass, which still fail and why) but never fail the test. Use it before flipping rows to pass.
bool EvaluatePending() {
  const char* all = std::getenv("DISCLOSE_REAL_ALL");
  return all != nullptr && std::string(all) == "1";
}

TEST(RealPdfTest, MetadataAndStandardTables) {
  std::vector<TsvRow> rows = ReadTsv(kSourceDir / "fixtures/real/expectations.tsv");
  ASSERT_FALSE(rows.empty()) << "fixtures/real/expectations.tsv missing or empty";
  int checked = 0;
  std::vector<std::string> pending, pending_now_passing;
  for (const TsvRow& row : rows) {
    const std::string& file = row.at("file");
    if (row.at("status") != "pass") {
      pending.push_back(file);
      if (EvaluatePending()) {
        std::vector<std::string> mismatches = MetadataAndTableMismatches(row);
        if (mismatches.empty()) {
          pending_now_passing.push_back(file);
        } else {
          std::cout << "[ pending ] " << file << ": " << mismatches.size()
                    << " mismatches, first: " << mismatches.front() << "\n";
        }
      }
      continue;
    }
    SCOPED_TRACE(file);
    ++checked;
    for (const std::string& mismatch : MetadataAndTableMismatches(row)) ADD_FAILURE() << mismatch;
  }
  std::cout << "[ real PDFs ] " << checked << " checked, " << pending.size() << " pending";
  if (!pending.empty()) {
    std::cout << ":";
    for (const std::string& file : pending) std::cout << " " << file;
  }
  std::cout << "\n";
  if (EvaluatePending()) {
    std::cout << "[ real PDFs ] pending rows that now pass (" << pending_now_passing.size() << "):";
    for (const std::string& file : pending_now_passing) std::cout << " " << file;
    std::cout << "\n";
  }
}

// Why the findings of a known-error row's file do not report it; empty when they do.
std::string KnownErrorMismatch(const TsvRow& row) {
  const std::string& file = row.at("file");
  if (!fs::exists(kRealDir / file)) return "missing input " + (kRealDir / file).string();
  const Processed& processed = Process(file);
  if (!processed.read_ok) return "ReadDocument failed: " + processed.read_error;
  // `match` (optional) is text the finding must carry in its message or quoted text, so
  // that a finding about some other figure does not count.
  const std::string match = row.count("match") ? row.at("match") : std::string();
  for (const Finding& finding : processed.normalized.findings) {
    if (finding.check != row.at("check")) continue;
    if (match.empty() || finding.message.find(match) != std::string::npos ||
        finding.printed_text.find(match) != std::string::npos) {
      return "";
    }
  }
  return "no finding " + row.at("check") + (match.empty() ? "" : " mentioning \"" + match + "\"") +
         " for: " + row.at("what");
}

// Injected (and original) document errors must come out as findings with the expected check.
// Rows with status `info` describe differences that are not errors and are never checked.
TEST(RealPdfTest, KnownDocumentErrorsAreFound) {
  std::vector<TsvRow> rows = ReadTsv(kSourceDir / "fixtures/real/known_document_errors.tsv");
  ASSERT_FALSE(rows.empty()) << "fixtures/real/known_document_errors.tsv missing or empty";
  int checked = 0, pending = 0;
  std::vector<std::string> pending_now_passing;
  for (const TsvRow& row : rows) {
    std::string label =
        row.at("id") + " " + row.at("file") + " p" + row.at("page") + " (" + row.at("check") + ")";
    if (row.at("status") == "info") continue;
    if (row.at("status") != "pass") {
      ++pending;
      if (EvaluatePending()) {
        std::string mismatch = KnownErrorMismatch(row);
        if (mismatch.empty()) {
          pending_now_passing.push_back(row.at("id"));
        } else {
          std::cout << "[ pending ] " << label << ": " << mismatch << "\n";
        }
      }
      continue;
    }
    SCOPED_TRACE(label);
    ++checked;
    std::string mismatch = KnownErrorMismatch(row);
    if (!mismatch.empty()) ADD_FAILURE() << mismatch;
  }
  std::cout << "[ known errors ] " << checked << " checked, " << pending << " pending\n";
  if (EvaluatePending()) {
    std::cout << "[ known errors ] pending rows that now pass (" << pending_now_passing.size()
              << "):";
    for (const std::string& id : pending_now_passing) std::cout << " " << id;
    std::cout << "\n";
  }
}

// Tables broken by a page in the real files, each read from the page that
// prints it (pdftotext -layout -f N -l N shows the text). Before the reader
// re-anchored parts of one width on their joint column edges and the
// normalizer joined rows cut by the break, each of these figures was lost or
// left without its row code.
TEST(RealPdfTest, FiguresAcrossPageBreaks) {
  const struct {
    const char* file;
    const char* table_kind;
    const char* row_code;
    const char* column;
    const char* amount_yuan;
    const char* why;
  } cases[] = {
      {"sh_putuo_wanli_2024_dept_budget.pdf", "budget.income", "total", "total", "156211123.00",
       "p15 holds only the spilled 合计 row, drawn with 6 columns under a 9-column table"},
      {"sh_putuo_wanli_2024_dept_budget.pdf", "budget.expenditure", "total", "basic", "99706020.00",
       "p20 holds only the spilled 合计 row"},
      {"js_rendaban_2017_budget_full.pdf", "budget.income_expenditure_summary", "expenditure.208",
       "amount", "16085100.00", "p7/p8 cut the name: 八、社会保障和就 | 业支出"},
      {"js_rendaban_2017_budget_full.pdf", "budget.income_expenditure_summary",
       "income.grand_total", "amount", "136490700.00",
       "p9 holds 小计 / 上年结转资金 / 收入合计 with 4 column rules of the table's 6"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.file) + " " + c.table_kind + " " + c.row_code + " " + c.column +
                 ": " + c.why);
    const Processed& processed = Process(c.file);
    ASSERT_TRUE(processed.read_ok) << processed.read_error;
    std::vector<std::string> amounts;
    for (const Figure& figure : processed.normalized.AllFigures()) {
      if (figure.table_kind == c.table_kind && figure.row_code == c.row_code &&
          figure.column == c.column) {
        amounts.push_back(FormatYuan(figure.amount_fen));
      }
    }
    EXPECT_EQ(amounts, std::vector<std::string>{c.amount_yuan});
  }
}

}  // namespace
}  // namespace disclose
