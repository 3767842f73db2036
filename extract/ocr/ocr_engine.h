// Private to extract/ocr: one Tesseract engine per thread, loaded once and
// reused for every page and document the thread reads (loading chi_sim costs
// far more than a page). No Tesseract type leaks out of this header.
//
//   std::string error;
//   ocr::Engine* engine = ocr::Engine::ForThisThread(&error);
//   if (engine == nullptr) ...;                       // traineddata missing
//   std::vector<ocr::Symbol> symbols = engine->RecognizePage(binary, 300, deadline);
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

struct Pix;
namespace tesseract {
class TessBaseAPI;
}

namespace disclose::ocr {

// One recognised character, in image pixels. `line_top`/`line_bottom` are
// its text line's extent, so that every glyph of a line shares one band; the
// word's box and index come along because the LSTM engine's own character
// boxes are approximate (narrow, sometimes overlapping), its word boxes not.
struct Symbol {
  std::string text;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int line_top = 0, line_bottom = 0;
  int word = 0;  // index of the word, in reading order
  int word_x0 = 0, word_x1 = 0;
  int confidence = 0;  // 0-100
  // Its text line is at least as wide as it is tall. A page turned a quarter
  // reads as columns of vertical text (chi_sim reads those too, and sure of
  // itself): none of its lines is.
  bool horizontal_line = true;
};

struct Line {
  std::string text;
  int confidence = 0;  // 0-100; 0 when nothing was read
};

class Engine {
 public:
  // The calling thread's engine, created on first use; nullptr (and `error`
  // set) when Tesseract or its chi_sim traineddata cannot be loaded.
  static Engine* ForThisThread(std::string* error);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Page layout analysis and recognition of a whole page (chi_sim); stops
  // early, returning what it has, when `deadline` passes. `sparse` finds text
  // in no particular order (PSM 11) instead of in blocks and columns: for an
  // image of scattered pieces, which layout analysis drops.
  std::vector<Symbol> RecognizePage(Pix* image, int dpi,
                                    std::chrono::steady_clock::time_point deadline,
                                    bool sparse = false);
  // One cell as a single line (PSM 7). `numeric` restricts the character set
  // to digits, '.', ',', '-' and their full-width forms (amount columns).
  Line RecognizeLine(Pix* image, int dpi, bool numeric);
  // One amount as a single line by a second reader (eng, numeric character set), to check the
  // first: chi_sim reads the digits of some serif faces as others (135.25 as 133.23, 60.99 as
  // 00.99) and does so in every cell alike, so the sums still hold. An empty line (confidence
  // 0) when eng's traineddata is missing.
  Line RecognizeAmountAgain(Pix* image, int dpi);
  // Clockwise rotation (0, 90, 180, 270) the image has, by Tesseract's OSD;
  // 0 when OSD data is missing or the answer is not confident.
  int DetectOrientation(Pix* image, int dpi);

 private:
  Engine();
  bool Load(std::string* error);

  // chi_sim: pages (layout analysis), and cells one line at a time, amounts
  // with the numeric character set.
  std::unique_ptr<tesseract::TessBaseAPI> text_;
  // Orientation; loaded at the first DetectOrientation, null without osd data.
  std::unique_ptr<tesseract::TessBaseAPI> osd_;
  bool osd_tried_ = false;
  // eng for RecognizeAmountAgain; loaded at its first call, null without eng data.
  std::unique_ptr<tesseract::TessBaseAPI> second_;
  bool second_tried_ = false;
};

}  // namespace disclose::ocr
