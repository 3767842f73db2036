// The documents of ../shared/corpus (78 files from 12 provinces) against hand-read
// expectations, one test per document so that ctest runs them in parallel.
//
// fixtures/corpus/expectations.tsv says, for each file, the department as printed, the
// fiscal year, the document kind, the document class, the standard tables it holds
// (`tables`, asserted) and the standard tables it holds that are not identified yet
// (`pending_tables`, counted and printed: table identification is being rebuilt). A row
// whose `status` is `pending` needs a reader that does not exist yet (OCR, DOC, XLSX): it
// is skipped with its note. Set DISCLOSE_CORPUS_ALL=1 to evaluate pending rows and pending
// tables too and print which now pass, before flipping them.
//
// fixtures/corpus/known_document_errors.tsv lists errors the published documents carry,
// as fixtures/real/known_document_errors.tsv does for ../shared/real.

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "core/normalized.h"
#include "core/text.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tests/golden/expectations_tsv.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = DISCLOSE_SOURCE_DIR;
const fs::path kCorpusDir = fs::path(DISCLOSE_SHARED_DIR) / "corpus";
const fs::path kExpectations = kSourceDir / "fixtures/corpus/expectations.tsv";
const fs::path kKnownErrors = kSourceDir / "fixtures/corpus/known_document_errors.tsv";

bool EvaluatePending() {
  const char* all = std::getenv("DISCLOSE_CORPUS_ALL");
  return all != nullptr && std::string(all) == "1";
}

struct Processed {
  bool read_ok = false;
  std::string read_error;
  NormalizedDocument normalized;
};

Processed Process(const std::string& file) {
  Processed processed;
  // Scans are read whole: the CLI's 120 s default stops OCR part-way on a
  // loaded machine, and what a test sees must not depend on the load.
  ExtractOptions options;
  options.timeout_seconds = 0;
  Result<Document> document = ReadDocument((kCorpusDir / file).string(), options);
  if (document.ok()) {
    processed.read_ok = true;
    processed.normalized = Normalize(document.value(), NormalizeOptions{});
  } else {
    processed.read_error = document.status().message();
  }
  return processed;
}

TEST(CorpusTest, ExpectationsCoverEveryFile) {
  std::vector<TsvRow> rows = ReadTsv(kExpectations);
  ASSERT_FALSE(rows.empty()) << kExpectations << " missing or empty";
  std::set<std::string> listed;
  for (const TsvRow& row : rows) {
    const std::string& file = row.at("file");
    EXPECT_TRUE(listed.insert(file).second) << "listed twice: " << file;
    EXPECT_TRUE(row.at("status") == "pass" || row.at("status") == "pending") << file;
    const std::string& document_class = row.at("document_class");
    // A document of class other is neither a budget nor final accounts.
    EXPECT_TRUE(row.at("doc_kind") == "budget" || row.at("doc_kind") == "final_accounts" ||
                (row.at("doc_kind").empty() && document_class == "other"))
        << file;
    EXPECT_TRUE(document_class == "department_disclosure" ||
                document_class == "government_report" || document_class == "other")
        << file;
    // A department is expected exactly where the document is a department's.
    EXPECT_EQ(row.at("department").empty(), document_class != "department_disclosure") << file;
  }
  if (!fs::is_directory(kCorpusDir)) GTEST_SKIP() << kCorpusDir << " not present";
  for (const auto& entry : fs::directory_iterator(kCorpusDir)) {
    const std::string name = entry.path().filename().string();
    if (name == "MANIFEST.tsv") continue;
    EXPECT_TRUE(listed.count(name)) << "no expectations for " << name;
  }
}

TEST(CorpusTest, PendingCounts) {
  int rows = 0, pending_rows = 0, tables = 0, pending_tables = 0;
  for (const TsvRow& row : ReadTsv(kExpectations)) {
    ++rows;
    if (row.at("status") != "pass") ++pending_rows;
    tables += static_cast<int>(SplitSemicolons(row.at("tables")).size());
    pending_tables += static_cast<int>(SplitSemicolons(row.at("pending_tables")).size());
  }
  std::cout << "[ corpus ] " << rows << " documents (" << pending_rows
            << " pending a reader); standard tables: " << tables << " asserted, " << pending_tables
            << " pending identification\n";
}

// Mismatches of one document against its row, one line each; empty when it passes.
// `pending_found` collects the pending tables the document now yields.
std::vector<std::string> Mismatches(const TsvRow& row, const Processed& processed,
                                    std::vector<std::string>& pending_found) {
  if (!processed.read_ok) return {"ReadDocument failed: " + processed.read_error};
  const DocumentMetadata& metadata = processed.normalized.metadata;
  std::vector<std::string> mismatches;
  auto compare = [&](const std::string& what, const std::string& actual,
                     const std::string& expected) {
    if (actual != expected) {
      mismatches.push_back(what + ": got \"" + actual + "\", expected \"" + expected + "\"");
    }
  };
  // A government report's or a notice's publisher is not a department.
  if (!row.at("department").empty()) {
    compare("department", metadata.department.value, row.at("department"));
  }
  compare("fiscal_year", metadata.fiscal_year.value, row.at("fiscal_year"));
  if (!row.at("doc_kind").empty()) {
    compare("doc_kind", std::string(DocKindName(metadata.kind)), row.at("doc_kind"));
  }
  compare("document_class", std::string(DocumentClassName(metadata.doc_class)),
          row.at("document_class"));
  // A checklist or a notice is neither a budget nor final accounts.
  if (row.at("document_class") == "other") compare("doc_kind", metadata.doc_kind.value, "");
  std::set<std::string> found;
  std::string found_list;
  for (const CanonicalTable& table : processed.normalized.tables) {
    if (found.insert(table.kind).second) found_list += table.kind + ";";
  }
  // A government's or another document's tables are never keyed as a department's.
  if (row.at("document_class") != "department_disclosure") {
    for (const std::string& kind : found) {
      if (StartsWith(kind, "budget.") || StartsWith(kind, "final.")) {
        mismatches.push_back("table kind " + kind + " in a " + row.at("document_class") +
                             " document");
      }
    }
  }
  for (const std::string& kind : SplitSemicolons(row.at("tables"))) {
    if (!found.count(kind)) {
      mismatches.push_back("table " + kind + " not found; tables found: [" + found_list + "]");
    }
  }
  for (const std::string& kind : SplitSemicolons(row.at("pending_tables"))) {
    if (found.count(kind)) pending_found.push_back(kind);
  }
  // Not a disclosure (a notice, an evaluation, a checklist, scanned or not): it
  // is said so in a finding, and none of its tables is forced into a standard kind.
  if (row.at("document_class") == "other") {
    bool said = false;
    for (const Finding& finding : processed.normalized.findings) {
      said = said || (finding.check == "document.class" && finding.severity == Severity::kWarning);
    }
    if (!said) mismatches.push_back("no document.class warning for a document of class other");
    for (const CanonicalTable& table : processed.normalized.tables) {
      if (StartsWith(table.kind, "budget.") || StartsWith(table.kind, "final.")) {
        mismatches.push_back("standard table " + table.kind + " in a document of class other");
      }
    }
  }
  return mismatches;
}

// A row as a test parameter; ctest names the test by the file, not by every column.
struct Row {
  TsvRow fields;
  const std::string& at(const std::string& column) const { return fields.at(column); }
  friend void PrintTo(const Row& row, std::ostream* out) { *out << row.fields.at("file"); }
};

std::vector<Row> ReadRows(const fs::path& path) {
  std::vector<Row> rows;
  for (TsvRow& fields : ReadTsv(path)) rows.push_back(Row{std::move(fields)});
  return rows;
}

class CorpusDocumentTest : public ::testing::TestWithParam<Row> {};

TEST_P(CorpusDocumentTest, MetadataClassAndStandardTables) {
  const TsvRow& row = GetParam().fields;
  const std::string& file = row.at("file");
  if (!fs::exists(kCorpusDir / file)) GTEST_SKIP() << "missing input " << kCorpusDir / file;
  const bool pending = row.at("status") != "pass";
  if (pending && !EvaluatePending()) GTEST_SKIP() << "pending: " << row.at("notes");
  const Processed processed = Process(file);
  std::vector<std::string> pending_found;
  std::vector<std::string> mismatches = Mismatches(row, processed, pending_found);
  const int pending_tables = static_cast<int>(SplitSemicolons(row.at("pending_tables")).size());
  std::cout << "[ corpus ] " << file << ": " << pending_tables << " tables pending";
  if (EvaluatePending()) {
    std::cout << ", of which now found (" << pending_found.size() << "):";
    for (const std::string& kind : pending_found) std::cout << " " << kind;
  }
  std::cout << "\n";
  if (pending) {
    std::cout << "[ pending ] " << file << ": "
              << (mismatches.empty() ? "now passes" : mismatches.front()) << "\n";
    return;
  }
  for (const std::string& mismatch : mismatches) ADD_FAILURE() << mismatch;
}

std::string TestName(const ::testing::TestParamInfo<Row>& info) {
  std::string name = info.param.at("file");
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusDocumentTest, ::testing::ValuesIn(ReadRows(kExpectations)),
                         TestName);

// Errors the corpus documents print must come out as findings with the expected check.
// Rows with status `info` are listed for the record and never checked.
class CorpusKnownErrorTest : public ::testing::TestWithParam<Row> {};

TEST_P(CorpusKnownErrorTest, IsFound) {
  const TsvRow& row = GetParam().fields;
  const std::string& file = row.at("file");
  if (row.at("status") == "info") GTEST_SKIP() << "info: " << row.at("what");
  if (row.at("status") != "pass" && !EvaluatePending()) {
    GTEST_SKIP() << "pending: " << row.at("what");
  }
  if (!fs::exists(kCorpusDir / file)) GTEST_SKIP() << "missing input " << kCorpusDir / file;
  const Processed processed = Process(file);
  ASSERT_TRUE(processed.read_ok) << processed.read_error;
  const std::string& match = row.at("match");
  bool found = false;
  for (const Finding& finding : processed.normalized.findings) {
    if (finding.check != row.at("check")) continue;
    found = found || match.empty() || finding.message.find(match) != std::string::npos ||
            finding.printed_text.find(match) != std::string::npos;
  }
  if (row.at("status") != "pass") {
    std::cout << "[ pending ] " << row.at("id") << (found ? " now passes" : " still not found")
              << "\n";
    return;
  }
  EXPECT_TRUE(found) << "no finding " << row.at("check") << " mentioning \"" << match
                     << "\" for: " << row.at("what");
}

std::string ErrorTestName(const ::testing::TestParamInfo<Row>& info) {
  return info.param.at("id");
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusKnownErrorTest, ::testing::ValuesIn(ReadRows(kKnownErrors)),
                         ErrorTestName);

}  // namespace
}  // namespace disclose
