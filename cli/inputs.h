// cli/inputs: the list of inputs of one `disclose extract` run, and where each one's outputs go.
//
// Arguments are files or directories (walked recursively, entries in byte order, symlinked
// directories not followed so a link loop cannot recur), plus the lines of --files-from lists.
// Every input gets REL, its path below the common folder of all inputs, which names its outputs
// below -o (REL.json, REL.facts.csv, REL.error.json) and picks its shard. REL depends only on the
// input list, so every shard, rerun and resume of the same list agrees on it. The scheme is in
// README.md ("Batches"); OutputBase() proves no two inputs' outputs can share a name.
//
//   Result<std::vector<InputFile>> inputs = CollectInputs(args, out_dir_identity);
//   for (const InputFile& input : inputs.value()) ...
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cli/args.h"
#include "core/status.h"

namespace disclose::cli {

struct InputFile {
  std::string path;  // as given, or the directory argument joined with the path found below it
  std::string rel;   // below -o, '/'-separated, bytes kept; see OutputBase()
  // Non-empty: not a document, never read; the manifest says `skipped` with this code.
  std::string skip_code;
};

// The output directory's identity, so a walk never reads the outputs of this run.
struct DirIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool known = false;
};

// Reads the arguments and lists, walks directories, names the outputs and keeps the inputs of
// shard K/N. Fails (a usage error) only when a --files-from list cannot be read.
Result<std::vector<InputFile>> CollectInputs(const ExtractArgs& args, const DirIdentity& out_dir);

// Which of `count` shards (0-based) an input with this REL belongs to: FNV-1a 64 of REL's bytes,
// modulo count.
int ShardOf(const std::string& rel, int count);

// Makes REL safe to extend with output suffixes: a last component ending in ".error" (then any
// '~') gets one more '~', and so does a directory component ending in ".json", ".jsonl" or
// ".csv" (then any '~'). The map is one-to-one, so REL.json, REL.facts.csv and REL.error.json of
// two different inputs never coincide, and no output file or manifest.jsonl is ever a directory.
std::string OutputBase(const std::string& rel);

// A non-document recognised from its first bytes ("skipped.image", "skipped.archive", ...), or
// empty when the bytes may be a document (the readers decide).
std::string SniffNonDocument(const std::string& head);

}  // namespace disclose::cli
