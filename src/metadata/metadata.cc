// STUB: replaced by the metadata helper.
#include "metadata/metadata.h"

namespace lede::metadata {
Metadata extract(const dom::Document&, std::string_view) { return {}; }
}  // namespace lede::metadata
