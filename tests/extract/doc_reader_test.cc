// ReadDoc (wvWare -> HTML -> the HTML walker) on the Word 97-2003 files in
// ../shared/corpus and on damaged ones in fixtures/bad; the DOC saves of the
// DOCX fixtures are compared figure by figure in tests/golden.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/document.h"
#include "extract/doc/converter.h"
#include "extract/extract.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(DISCLOSE_SHARED_DIR) / "corpus";
const fs::path kBad = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures" / "bad";
const fs::path kSaved = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures" / "saved";

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int CountTables(const Document& document) {
  int count = 0;
  for (const Block& block : document.blocks) count += block.AsTable() != nullptr;
  return count;
}

bool HasWarning(const Document& document, const std::string& code) {
  for (const Warning& warning : document.warnings) {
    if (warning.code == code) return true;
  }
  return false;
}

// LibreOffice renders this file as one 480-row, 3-column table (表五, the
// 市本级一般公共预算支出预算表) and 28 pictures of the other tables.
TEST(DocReaderTest, XianyangTablesFile) {
  const fs::path path = kCorpus / "sn_xianyang_govt_2021_budget_tables.doc";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not present";
  Result<Document> document = ReadDocument(path.string(), {});
  ASSERT_TRUE(document.ok()) << document.status().message();
  const Document& doc = document.value();
  EXPECT_EQ(ValidateDocument(doc), "");
  EXPECT_EQ(doc.source.format, SourceFormat::kDoc);
  ASSERT_EQ(CountTables(doc), 1);
  const Table* table = nullptr;
  for (const Block& block : doc.blocks) {
    if (block.AsTable() != nullptr) table = block.AsTable();
  }
  EXPECT_EQ(table->row_count, 480);
  EXPECT_EQ(table->column_count, 3);
  bool found = false;
  for (int r = 0; r < table->row_count; ++r) {
    found = found || (table->TextAt(r, 0).find("人大代表履职能力提升") != std::string_view::npos &&
                      table->TextAt(r, 1) == "219");
  }
  EXPECT_TRUE(found) << "the 人大代表履职能力提升 | 219 row catdoc shows";
  EXPECT_TRUE(HasWarning(doc, "doc_images_not_read"));
}

// Saved upstream as .docx although it is an OLE Word file: the name must not matter.
TEST(DocReaderTest, MisnamedDocIsReadByContent) {
  const fs::path source = kCorpus / "hn_changsha_govt_2022_budget_report_misnamed.doc";
  if (!fs::exists(source)) GTEST_SKIP() << source << " not present";
  const fs::path copy = fs::temp_directory_path() / "disclose_misnamed_report.docx";
  fs::copy_file(source, copy, fs::copy_options::overwrite_existing);
  Result<Document> document = ReadDocument(copy.string(), {});
  fs::remove(copy);
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(document.value().source.format, SourceFormat::kDoc);
  EXPECT_EQ(document.value().source.name, "disclose_misnamed_report.docx");
  EXPECT_GT(document.value().blocks.size(), 50u);
  EXPECT_EQ(ValidateDocument(document.value()), "");
}

std::vector<const Table*> TablesOf(const Document& document) {
  std::vector<const Table*> tables;
  for (const Block& block : document.blocks) {
    if (const Table* table = block.AsTable()) tables.push_back(table);
  }
  return tables;
}

// The .doc LibreOffice saved from final_2022_yuxi.docx has the DOCX's grids:
// same size, same anchors and spans (vMerge, gridSpan), same text, for the
// three top-level tables. (wvWare writes covered cells as rowspan="0"
// placeholders; they must be dropped, not stretched to the end of the table.)
TEST(DocReaderTest, SavedFixtureHasTheDocxGrids) {
  const fs::path fixtures = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures";
  Result<Document> doc = ReadDocument((kSaved / "final_2022_yuxi.doc").string(), {});
  Result<Document> docx = ReadDocument((fixtures / "docx" / "final_2022_yuxi.docx").string(), {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  const std::vector<const Table*> from_doc = TablesOf(doc.value());
  const std::vector<const Table*> from_docx = TablesOf(docx.value());
  ASSERT_GE(from_doc.size(), 3u);
  ASSERT_GE(from_docx.size(), 3u);
  for (std::size_t t = 0; t < 3; ++t) {
    SCOPED_TRACE("table " + std::to_string(t));
    EXPECT_EQ(from_doc[t]->row_count, from_docx[t]->row_count);
    EXPECT_EQ(from_doc[t]->column_count, from_docx[t]->column_count);
    ASSERT_EQ(from_doc[t]->cells.size(), from_docx[t]->cells.size());
    for (std::size_t c = 0; c < from_doc[t]->cells.size(); ++c) {
      const TableCell& a = from_doc[t]->cells[c];
      const TableCell& b = from_docx[t]->cells[c];
      EXPECT_EQ(std::make_tuple(a.row, a.column, a.row_span, a.column_span, a.text),
                std::make_tuple(b.row, b.column, b.row_span, b.column_span, b.text));
    }
  }
}

struct BadDoc {
  const char* file;
  ErrorCode code;
};

class BadDocTest : public ::testing::TestWithParam<BadDoc> {};

TEST_P(BadDocTest, GivesTheErrorNotACrash) {
  const fs::path path = kBad / GetParam().file;
  Result<Document> document = ReadDoc(Slurp(path), GetParam().file, {});
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), GetParam().code) << document.status().message();
  EXPECT_EQ(document.status().message().rfind("DOC read error: ", 0), 0u);
  EXPECT_EQ(document.status().message().find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BadDocTest,
                         ::testing::Values(BadDoc{"truncated.doc", ErrorCode::kCorrupt},
                                           BadDoc{"legacy_ole.doc", ErrorCode::kCorrupt},
                                           BadDoc{"ole_without_word_stream.doc",
                                                  ErrorCode::kUnsupportedFormat},
                                           BadDoc{"random.bin", ErrorCode::kUnsupportedFormat},
                                           BadDoc{"encrypted.docx", ErrorCode::kEncrypted}),
                         [](const auto& test) {
                           std::string name = test.param.file;
                           for (char& c : name)
                             c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(ConverterTest, TimeoutKillsTheConverter) {
  doc::ConverterLimits limits;
  limits.timeout_seconds = 1;
  doc::ConverterRun run;
  const Status status = doc::RunConverter({"sleep", "30"}, {}, limits, &run);
  EXPECT_EQ(status.code(), ErrorCode::kTimeout) << status.message();
}

TEST(ConverterTest, OutputIsBounded) {
  doc::ConverterLimits limits;
  limits.max_output_bytes = 1 << 20;
  doc::ConverterRun run;
  const Status status = doc::RunConverter({"yes"}, {}, limits, &run);
  EXPECT_EQ(status.code(), ErrorCode::kTooLarge) << status.message();
}

TEST(ConverterTest, MissingProgramIsUnsupported) {
  doc::ConverterRun run;
  const Status status = doc::RunConverter({"no-such-converter-xyz"}, {}, {}, &run);
  EXPECT_EQ(status.code(), ErrorCode::kUnsupportedFormat);
}

TEST(ConverterTest, RunsInATemporaryDirectoryItRemoves) {
  doc::ConverterRun run;
  const Status status =
      doc::RunConverter({"cat", "input.bin"}, {{"input.bin", "payload"}}, {}, &run);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output, "payload");
  doc::ConverterRun where;
  ASSERT_TRUE(doc::RunConverter({"pwd"}, {}, {}, &where).ok());
  const std::string dir = where.output.substr(0, where.output.find('\n'));
  EXPECT_NE(dir.find("disclose-convert-"), std::string::npos) << dir;
  EXPECT_FALSE(fs::exists(dir));
}

}  // namespace
}  // namespace disclose
