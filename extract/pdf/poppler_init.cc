#include "extract/pdf/poppler_init.h"

#include <Error.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <XRef.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>

namespace disclose::pdf {
namespace {

std::atomic<bool> g_verbose{false};
thread_local PopplerErrorScope* t_scope = nullptr;

void OnPopplerError(ErrorCategory category, Goffset pos, const char* message) {
  RecordPopplerError(message);
  if (g_verbose.load(std::memory_order_relaxed)) {
    std::fprintf(stderr, "poppler (%d) at %lld: %s\n", static_cast<int>(category),
                 static_cast<long long>(pos), message ? message : "");
  }
}

}  // namespace

void RecordPopplerError(const char* message) {
  PopplerErrorScope* scope = t_scope;
  if (scope == nullptr) return;
  // Damaged files can raise thousands of errors; keep the count, not the text.
  if (scope->count_++ == 0 && message != nullptr) scope->first_message_ = message;
}

void EnsurePopplerInitialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    // Silence Poppler's own warnings; the reader reports them as Warnings.
    globalParams->setErrQuiet(true);
    setErrorCallback(&OnPopplerError);
  });
}

void DisableOutputIntents(PDFDoc& doc) {
  XRef* xref = doc.getXRef();
  if (xref == nullptr) return;
  Object catalog = xref->getCatalog();
  if (!catalog.isDict() || catalog.dictLookupNF("OutputIntents").isNull()) return;
  // A shallow copy: the other entries (Pages, AcroForm, ...) are shared, not re-parsed.
  Dict* copy = catalog.getDict()->copy(xref);
  copy->remove("OutputIntents");
  const Object replacement(copy);
  // XRef::fetch returns an updated entry's object instead of parsing the file again.
  xref->setModifiedObject(&replacement, Ref{xref->getRootNum(), xref->getRootGen()});
}

void SetPopplerVerbose(bool verbose) {
  g_verbose.store(verbose, std::memory_order_relaxed);
}

PopplerErrorScope::PopplerErrorScope() : previous_(t_scope) {
  t_scope = this;
}

PopplerErrorScope::~PopplerErrorScope() {
  t_scope = previous_;
}

}  // namespace disclose::pdf
