// Repair of mojibake: UTF-8 text that some earlier tool read as
// windows-1252 (or Latin-1) and wrote out again as UTF-8, so that "’" reads
// "â€™" and "é" reads "Ã©". Pages carry it in their bytes or in entities
// (&acirc;&euro;&trade;), which no charset choice of ours can undo.
#pragma once

#include <string>
#include <string_view>

namespace lede::decode {

// Replaces each run of characters that spells the windows-1252 reading of a
// valid UTF-8 sequence (a lead character U+00C2..U+00F4, then its
// continuation bytes) with the character it stood for. Text without such a
// run is left as it is; real text practically never holds one ("Ã©" is not
// French, "é" is). Returns the number of runs repaired.
size_t repair_mojibake(std::string& utf8);

}  // namespace lede::decode
