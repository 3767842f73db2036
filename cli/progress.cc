#include "cli/progress.h"

#include <cstdio>
#include <iostream>

namespace disclose::cli {
namespace {

std::string Plural(long long n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", seconds);
  return text;
}

}  // namespace

Progress::Progress(size_t total, bool show)
    : total_(total), show_(show), start_(std::chrono::steady_clock::now()) {}

void Progress::Clear() {
  if (drawn_) std::cerr << "\r\033[K";
  drawn_ = false;
}

void Progress::Line(const std::string& line) {
  Clear();
  std::cerr << line << "\n";
  if (show_) Update(last_);
  std::cerr.flush();
}

void Progress::Update(const Tally& tally) {
  last_ = tally;
  if (!show_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const size_t done = tally.ok + tally.errors + tally.skipped + tally.resumed;
  const size_t read_now = done - tally.resumed - tally.skipped;
  char line[160];
  const double pages_per_second = elapsed > 0 ? tally.pages_this_run / elapsed : 0;
  std::string eta = "?";
  if (read_now > 0 && done < total_) {
    eta = Seconds(elapsed / static_cast<double>(read_now) * static_cast<double>(total_ - done));
  } else if (done == total_) {
    eta = "0 s";
  }
  std::snprintf(line, sizeof line, "disclose: %zu/%zu files, %.1f pages/s, ETA %s, %zu %s", done,
                total_, pages_per_second, eta.c_str(), tally.errors,
                tally.errors == 1 ? "error" : "errors");
  std::cerr << "\r\033[K" << line;
  std::cerr.flush();
  drawn_ = true;
  last_draw_ = now;
}

void Progress::Summary(const Tally& tally, bool interrupted) {
  Clear();
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line = std::string("disclose: ") + (interrupted ? "interrupted: " : "done: ") +
                     std::to_string(tally.ok + tally.resumed) + " ok";
  if (tally.resumed > 0) line += " (" + std::to_string(tally.resumed) + " unchanged)";
  line += ", " + Plural(static_cast<long long>(tally.errors), "error", "errors") + ", " +
          std::to_string(tally.skipped) + " skipped of " +
          Plural(static_cast<long long>(total_), "file", "files") + "; " +
          Plural(tally.pages, "page", "pages");
  if (tally.pages_skipped > 0) line += " (" + std::to_string(tally.pages_skipped) + " not read)";
  line += ", " + Plural(tally.figures, "figure", "figures") + "; " + Seconds(elapsed);
  std::cerr << line << "\n";
  std::cerr.flush();
}

}  // namespace disclose::cli
