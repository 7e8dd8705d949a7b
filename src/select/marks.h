// Marks that the cleaning and selection stages leave on nodes (Node::flags)
// for the renderers: the contract between "select" and "render".
#pragma once

#include <cstdint>

namespace lede::select {

enum Mark : uint32_t {
  kDropped = 1u << 0,   // chrome or invisible: never rendered, nor its subtree
  kContent = 1u << 1,   // root of a kept subtree of the article body
  kComments = 1u << 2,  // root of a subtree of reader comments: rendered only as
                        // comments, never as part of the body around it
  kTitle = 1u << 3,     // the headline element (rendered as metadata, not body)
};

}  // namespace lede::select
