#include "cli/inputs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <utility>

namespace disclose::cli {
namespace {

namespace fs = std::filesystem;

struct Candidate {
  std::string path;                     // what the manifest shows
  std::vector<std::string> components;  // absolute, lexically normal
  size_t anchor_depth = 0;              // components of the folder its REL is measured from
  std::string skip_code;
};

std::vector<std::string> Components(const std::string& path) {
  std::vector<std::string> parts;
  const fs::path normal = fs::absolute(fs::path(path)).lexically_normal();
  for (const fs::path& part : normal) {
    const std::string text = part.string();
    if (text.empty() || text == "/") continue;
    parts.push_back(text);
  }
  return parts;
}

std::string JoinChild(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

bool EndsWithTilded(const std::string& text, const std::vector<std::string>& suffixes) {
  size_t end = text.size();
  while (end > 0 && text[end - 1] == '~') --end;
  const std::string_view core(text.data(), end);
  for (const std::string& suffix : suffixes) {
    if (core.size() >= suffix.size() && core.substr(core.size() - suffix.size()) == suffix) {
      return true;
    }
  }
  return false;
}

std::string ReadHead(const std::string& path) {
  // O_NONBLOCK: a FIFO that slipped past the type check must not block the walk.
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return {};
  std::string head(4096, '\0');
  const ssize_t got = read(fd, head.data(), head.size());
  close(fd);
  head.resize(got > 0 ? static_cast<size_t>(got) : 0);
  return head;
}

class Walker {
 public:
  Walker(const DirIdentity& out_dir, std::vector<Candidate>& found)
      : out_dir_(out_dir), found_(found) {}

  // Appends the files below `dir` (shown as `shown`) in byte order of their names.
  void Walk(const std::string& shown, size_t anchor_depth,
            const std::vector<std::string>& components) {
    DIR* handle = opendir(shown.c_str());
    if (handle == nullptr) {
      Add(shown, components, anchor_depth, "skipped.unreadable_directory");
      return;
    }
    std::vector<std::string> names;
    while (const dirent* entry = readdir(handle)) {
      const std::string name = entry->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    closedir(handle);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      const std::string child = JoinChild(shown, name);
      std::vector<std::string> child_components = components;
      child_components.push_back(name);
      struct stat link_info {};
      if (lstat(child.c_str(), &link_info) != 0) continue;  // vanished meanwhile
      struct stat info = link_info;
      const bool is_link = S_ISLNK(link_info.st_mode);
      if (is_link && stat(child.c_str(), &info) != 0) {
        Add(child, child_components, anchor_depth, "skipped.broken_link");
        continue;
      }
      if (S_ISDIR(info.st_mode)) {
        // Directory links are not followed: that is what makes link loops harmless.
        if (is_link) {
          Add(child, child_components, anchor_depth, "skipped.linked_directory");
        } else if (!IsOutputDir(info)) {
          Walk(child, anchor_depth, child_components);
        }
      } else if (!S_ISREG(info.st_mode)) {
        Add(child, child_components, anchor_depth, "skipped.not_a_regular_file");
      } else {
        Add(child, child_components, anchor_depth, SniffNonDocument(ReadHead(child)));
      }
    }
  }

  void Add(const std::string& path, const std::vector<std::string>& components, size_t anchor_depth,
           std::string skip_code) {
    found_.push_back(Candidate{path, components, anchor_depth, std::move(skip_code)});
  }

 private:
  bool IsOutputDir(const struct stat& info) const {
    return out_dir_.known && info.st_dev == out_dir_.device && info.st_ino == out_dir_.inode;
  }

  const DirIdentity& out_dir_;
  std::vector<Candidate>& found_;
};

Status ReadList(const std::string& list, std::vector<std::string>& paths) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (list != "-") {
    file.open(list, std::ios::binary);
    if (!file) {
      return Status(ErrorCode::kInvalidArgument,
                    "--files-from " + list + ": cannot read: " + std::strerror(errno));
    }
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) paths.push_back(line);
  }
  if (in->bad())
    return Status(ErrorCode::kInvalidArgument, "--files-from " + list + ": read error");
  return Status::Ok();
}

}  // namespace

std::string SniffNonDocument(const std::string& head) {
  const auto starts = [&](std::string_view magic, size_t at = 0) {
    return head.size() >= at + magic.size() && head.compare(at, magic.size(), magic) == 0;
  };
  using namespace std::string_view_literals;
  if (head.empty()) return {};  // the reader reports `empty`
  if (head.find("%PDF-") != std::string::npos) return {};
  if (starts("PK\x03\x04"sv) || starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) return {};
  if (starts("\x89PNG"sv) || starts("\xFF\xD8\xFF"sv) || starts("GIF87a"sv) || starts("GIF89a"sv) ||
      starts("II*\0"sv) || starts("MM\0*"sv) || (starts("RIFF"sv) && starts("WEBP"sv, 8))) {
    return "skipped.image";
  }
  if (starts("\x1F\x8B"sv) || starts("BZh"sv) ||
      starts("\xFD"
             "7zXZ\0"sv) ||
      starts("7z\xBC\xAF\x27\x1C"sv) || starts("Rar!"sv)) {
    return "skipped.archive";
  }
  if (starts("\x7F"
             "ELF"sv) ||
      starts("\xCF\xFA\xED\xFE"sv) || starts("MZ"sv)) {
    if (head.find('\0') != std::string::npos) return "skipped.executable";
  }
  if (starts("ftyp"sv, 4) || starts("ID3"sv) || starts("OggS"sv) || starts("fLaC"sv)) {
    return "skipped.media";
  }
  // Text, even UTF-16, is left to the readers; NUL bytes elsewhere mean binary data.
  const bool utf16 = starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv);
  if (!utf16 && head.find('\0') != std::string::npos) return "skipped.binary";
  return {};
}

std::string OutputBase(const std::string& rel) {
  static const std::vector<std::string> kLastSuffixes = {".error"};
  static const std::vector<std::string> kDirSuffixes = {".json", ".jsonl", ".csv"};
  std::string out;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t slash = rel.find('/', start);
    const bool last = slash == std::string::npos;
    if (last) slash = rel.size();
    std::string part = rel.substr(start, slash - start);
    if (EndsWithTilded(part, last ? kLastSuffixes : kDirSuffixes)) part += '~';
    out += part;
    if (last) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

int ShardOf(const std::string& rel, int count) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : rel) {
    hash ^= static_cast<std::uint8_t>(c);
    hash *= 1099511628211ull;
  }
  return count <= 1 ? 0 : static_cast<int>(hash % static_cast<std::uint64_t>(count));
}

Result<std::vector<InputFile>> CollectInputs(const ExtractArgs& args, const DirIdentity& out_dir) {
  std::vector<std::string> given = args.files;
  for (const std::string& list : args.files_from) {
    const Status read = ReadList(list, given);
    if (!read.ok()) return read;
  }

  std::vector<Candidate> found;
  Walker walker(out_dir, found);
  for (std::string path : given) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    const std::vector<std::string> components = Components(path);
    struct stat info {};
    if (stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
      // A directory's files are named from the directory itself: DIR/a/x.pdf -> a/x.pdf.
      walker.Walk(path, components.size(), components);
    } else {
      // A file (or a path that fails later, with an error record) is named from its folder.
      walker.Add(path, components, components.empty() ? 0 : components.size() - 1, "");
    }
  }

  // The deepest folder that holds every input's anchor folder.
  size_t common = 0;
  if (!found.empty()) {
    common = found.front().anchor_depth;
    for (const Candidate& candidate : found) {
      common = std::min(common, candidate.anchor_depth);
      size_t same = 0;
      while (same < common && candidate.components[same] == found.front().components[same]) {
        ++same;
      }
      common = same;
    }
  }

  std::vector<InputFile> inputs;
  std::set<std::vector<std::string>> seen;
  for (Candidate& candidate : found) {
    if (!seen.insert(candidate.components).second) continue;  // the same path twice
    std::string rel;
    for (size_t i = common; i < candidate.components.size(); ++i) {
      if (!rel.empty()) rel += '/';
      rel += candidate.components[i];
    }
    if (rel.empty()) rel = "input";  // "/" itself: fails later as a directory
    rel = OutputBase(rel);
    if (ShardOf(rel, args.shard_count) != args.shard_index - 1) continue;
    inputs.push_back(
        InputFile{std::move(candidate.path), std::move(rel), std::move(candidate.skip_code)});
  }
  return inputs;
}

}  // namespace disclose::cli
