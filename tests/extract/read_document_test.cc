// ReadDocument: what the user is told about files that match no format, and oversized text
// refused from its first bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/extract.h"

namespace disclose {
namespace {

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "read_document_test";
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

TEST(ReadDocumentTest, BinaryJunkSaysNoFormatMatchedAndWhatItsNamePromised) {
  std::string junk;
  for (int k = 0; k < 4096; ++k) junk += static_cast<char>((k * 7919 + 13) % 256);
  struct Case {
    const char* name;
    const char* expected;
  };
  const Case cases[] = {
      {"junk.pdf", "junk.pdf: not a recognised format although it is named .pdf"},
      {"junk.DOCX", "junk.DOCX: not a recognised format although it is named .docx"},
      {"junk.bin", "junk.bin: not a recognised format: no PDF or Office signature"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ReadDocument(WriteTemp(c.name, junk), ExtractOptions{});
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), ErrorCode::kUnsupportedFormat) << c.name;
    EXPECT_NE(doc.status().message().find(c.expected), std::string::npos) << doc.status().message();
  }
}

TEST(ReadDocumentTest, OversizedTextIsRefusedFromItsFirstBytes) {
  ExtractOptions options;
  options.limits.max_text_input_bytes = 1000;
  Result<Document> doc = ReadDocument(WriteTemp("big.txt", std::string(2000, 'a')), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kTooLarge);
  EXPECT_NE(doc.status().message().find("text input limit of 1000"), std::string::npos);
  // A binary format of the same size is not text: its own reader decides.
  Result<Document> pdf =
      ReadDocument(WriteTemp("big.pdf", "%PDF-1.4\n" + std::string(2000, ' ')), options);
  ASSERT_FALSE(pdf.ok());
  EXPECT_NE(pdf.status().code(), ErrorCode::kTooLarge);
}

}  // namespace
}  // namespace disclose
