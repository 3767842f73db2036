#include "extract/ocr/ocr_engine.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstdlib>

namespace disclose::ocr {
namespace {

// chi_sim covers the digits and Latin letters printed in these documents, so
// one language serves the page; adding eng slows recognition by half again.
constexpr const char* kLanguage = "chi_sim";
// The second reader of amounts: a model trained on Latin print, with other digit shapes in mind.
constexpr const char* kSecondLanguage = "eng";
// Amount cells: ASCII digits and separators, and the full-width forms some
// producers print.
constexpr const char* kNumericCharacters = "0123456789.,-０１２３４５６７８９．，－";
// OSD reports 15 as "reasonably confident"; a wrong quarter turn ruins a
// page, so only a clear answer turns it.
constexpr float kMinOrientationConfidence = 6.0f;

std::string TakeText(char* text) {
  std::string out = text != nullptr ? text : "";
  delete[] text;
  return out;
}

std::unique_ptr<tesseract::TessBaseAPI> NewApi(const char* language, tesseract::OcrEngineMode mode,
                                               std::string* error) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Tesseract writes its diagnostics ("Estimating resolution ...") to stderr
  // unless told otherwise; the CLI's output must stay ours.
  api->SetVariable("debug_file", "/dev/null");
  if (api->Init(nullptr, language, mode) != 0) {
    if (error != nullptr) {
      *error = std::string("Tesseract cannot load the '") + language +
               "' traineddata (install tesseract-ocr-chi-sim)";
    }
    return nullptr;
  }
  api->SetVariable("debug_file", "/dev/null");
  return api;
}

// `image` read by `api` as set up (page segmentation, character set): its text without the
// trailing line break, and the mean confidence (0 when nothing was read).
Line ReadOneLine(tesseract::TessBaseAPI& api, Pix* image, int dpi) {
  api.SetImage(image);
  api.SetSourceResolution(dpi);
  Line line;
  if (api.Recognize(nullptr) == 0) {
    line.text = TakeText(api.GetUTF8Text());
    while (!line.text.empty() && (line.text.back() == '\n' || line.text.back() == ' '))
      line.text.pop_back();
    line.confidence = line.text.empty() ? 0 : std::clamp(api.MeanTextConf(), 0, 100);
  }
  api.Clear();
  return line;
}

}  // namespace

Engine::Engine() = default;
Engine::~Engine() {
  for (auto* api : {text_.get(), second_.get(), osd_.get()}) {
    if (api != nullptr) api->End();
  }
}

Engine* Engine::ForThisThread(std::string* error) {
  thread_local std::unique_ptr<Engine> engine;
  thread_local std::string load_error;
  if (engine == nullptr && load_error.empty()) {
    std::unique_ptr<Engine> fresh(new Engine());
    if (fresh->Load(&load_error)) engine = std::move(fresh);
  }
  if (engine == nullptr && error != nullptr) *error = load_error;
  return engine.get();
}

bool Engine::Load(std::string* error) {
  // Tesseract's OpenMP threads fight over the cores the batch runner already
  // fills with one process per core; one thread per engine is faster overall.
  setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
  setMsgSeverity(L_SEVERITY_NONE);
  text_ = NewApi(kLanguage, tesseract::OEM_LSTM_ONLY, error);
  if (text_ == nullptr) return false;
  return true;
}

std::vector<Symbol> Engine::RecognizePage(Pix* image, int dpi,
                                          std::chrono::steady_clock::time_point deadline,
                                          bool sparse) {
  std::vector<Symbol> symbols;
  text_->SetVariable("tessedit_char_whitelist", "");
  text_->SetPageSegMode(sparse ? tesseract::PSM_SPARSE_TEXT : tesseract::PSM_AUTO);
  text_->SetImage(image);
  text_->SetSourceResolution(dpi);
  tesseract::ETEXT_DESC monitor;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        deadline - std::chrono::steady_clock::now())
                        .count();
  // A deadline already past still lets Tesseract return at its first check.
  monitor.set_deadline_msecs(static_cast<int32_t>(std::clamp<long long>(left, 1, 1 << 30)));
  if (deadline != std::chrono::steady_clock::time_point::max())
    text_->Recognize(&monitor);
  else
    text_->Recognize(nullptr);
  std::unique_ptr<tesseract::ResultIterator> it(text_->GetIterator());
  if (it == nullptr) return symbols;
  it->Begin();
  int word = -1, word_x0 = 0, word_x1 = 0;
  do {
    if (it->IsAtBeginningOf(tesseract::RIL_WORD)) {
      ++word;
      int top = 0, bottom = 0;
      if (!it->BoundingBox(tesseract::RIL_WORD, &word_x0, &top, &word_x1, &bottom)) {
        word_x0 = word_x1 = 0;
      }
    }
    if (it->Empty(tesseract::RIL_SYMBOL)) continue;
    Symbol symbol;
    symbol.text = TakeText(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    if (symbol.text.empty() || symbol.text == " ") continue;
    if (!it->BoundingBox(tesseract::RIL_SYMBOL, &symbol.x0, &symbol.y0, &symbol.x1, &symbol.y1))
      continue;
    int lx0 = 0, lx1 = 0;
    if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &symbol.line_top, &lx1,
                         &symbol.line_bottom)) {
      symbol.line_top = symbol.y0;
      symbol.line_bottom = symbol.y1;
    } else {
      symbol.horizontal_line = lx1 - lx0 >= symbol.line_bottom - symbol.line_top;
    }
    if (symbol.line_bottom <= symbol.line_top) {
      symbol.line_top = std::min(symbol.line_top, symbol.y0);
      symbol.line_bottom = std::max({symbol.line_bottom, symbol.y1, symbol.line_top + 1});
    }
    symbol.word = word;
    symbol.word_x0 = word_x0;
    symbol.word_x1 = word_x1;
    symbol.confidence =
        std::clamp(static_cast<int>(it->Confidence(tesseract::RIL_SYMBOL) + 0.5f), 0, 100);
    symbols.push_back(std::move(symbol));
  } while (it->Next(tesseract::RIL_SYMBOL));
  text_->Clear();
  return symbols;
}

Line Engine::RecognizeLine(Pix* image, int dpi, bool numeric) {
  // One chi_sim engine reads pages, labels and amounts: the character set is
  // set per call (Tesseract applies it at each Recognize), which saves
  // loading the model twice (a tenth of a second and its memory per thread).
  tesseract::TessBaseAPI* api = text_.get();
  api->SetVariable("tessedit_char_whitelist", numeric ? kNumericCharacters : "");
  api->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  return ReadOneLine(*api, image, dpi);
}

Line Engine::RecognizeAmountAgain(Pix* image, int dpi) {
  if (!second_tried_) {
    second_tried_ = true;
    second_ = NewApi(kSecondLanguage, tesseract::OEM_LSTM_ONLY, nullptr);
    if (second_ != nullptr) {
      second_->SetVariable("tessedit_char_whitelist", kNumericCharacters);
      second_->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    }
  }
  if (second_ == nullptr) return Line{};
  return ReadOneLine(*second_, image, dpi);
}

int Engine::DetectOrientation(Pix* image, int dpi) {
  // Loaded on first use: most pages read upright and never ask (OcrImage).
  // Orientation is optional: without osd.traineddata pages are read upright.
  if (!osd_tried_) {
    osd_tried_ = true;
    osd_ = NewApi("osd", tesseract::OEM_TESSERACT_ONLY, nullptr);
    if (osd_ != nullptr) osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  }
  if (osd_ == nullptr) return 0;
  osd_->SetImage(image);
  osd_->SetSourceResolution(dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found =
      osd_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd_->Clear();
  if (!found || confidence < kMinOrientationConfidence) return 0;
  return degrees == 90 || degrees == 180 || degrees == 270 ? degrees : 0;
}

}  // namespace disclose::ocr
