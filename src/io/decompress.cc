// ISA-L for deflate, the reference decoders for brotli and zstd. The one-shot
// decoders grow their output a piece at a time so that a small input claiming
// a huge size (a decompression bomb) costs no more than the cap.
#include "io/decompress.h"

#include <brotli/decode.h>
#include <isa-l/igzip_lib.h>
#include <zstd.h>

#include <algorithm>
#include <limits>

namespace lede::io {

namespace {

constexpr size_t kPiece = 64 * 1024;

uint32_t clamp_u32(size_t n) {
  return static_cast<uint32_t>(std::min<size_t>(n, std::numeric_limits<uint32_t>::max()));
}

const char* describe_isal_error(int code) {
  switch (code) {
    case ISAL_INVALID_BLOCK: return "invalid deflate block";
    case ISAL_INVALID_SYMBOL: return "invalid deflate symbol";
    case ISAL_INVALID_LOOKBACK: return "invalid deflate distance";
    case ISAL_INVALID_WRAPPER: return "invalid gzip or zlib header";
    case ISAL_UNSUPPORTED_METHOD: return "unsupported compression method";
    case ISAL_INCORRECT_CHECKSUM: return "checksum mismatch";
    case ISAL_NEED_DICT: return "needs a preset dictionary";
    default: return "corrupt deflate data";
  }
}

bool starts_gzip_member(std::string_view bytes) { return bytes.starts_with("\x1F\x8B"); }

// The size a gzip stream gives for its (last) member's data, so that `out`
// takes it in one piece instead of being copied as it grows. Believed up to 64
// times the input, more than pages compress to: a false claim must not cost an
// allocation of the whole cap (a larger true size grows as before).
size_t gzip_size_hint(std::string_view in, size_t max_out) {
  constexpr size_t kMaxBelievedRatio = 64;
  if (in.size() < 18) return 0;  // smaller than a gzip header and trailer
  // The trailer's last field: the member's size modulo 2^32, little-endian.
  const auto* size_field = reinterpret_cast<const uint8_t*>(in.data() + in.size() - 4);
  size_t claimed = size_t{size_field[0]} | size_t{size_field[1]} << 8 | size_t{size_field[2]} << 16 |
                   size_t{size_field[3]} << 24;
  return std::min({claimed, max_out, in.size() * kMaxBelievedRatio});
}

// Grows `out` by one piece (never past `max_out`) and returns where the new
// space starts, or nullptr when `out` is already at the cap.
uint8_t* grow(std::string& out, size_t& used, size_t max_out) {
  if (used == out.size()) {
    if (out.size() >= max_out) return nullptr;
    out.resize(std::min(max_out, out.size() + std::max(kPiece, out.size() / 2)));
  }
  return reinterpret_cast<uint8_t*>(out.data()) + used;
}

}  // namespace

// Not value-initialised: isal_inflate_init sets every field inflating reads
// before it writes, and clearing all 90 KB first cost more than a small page's
// inflating (valgrind's memcheck finds no read of the fields left unset).
Inflater::Inflater() : state_(new inflate_state) { isal_inflate_init(state_.get()); }

Inflater::~Inflater() = default;

void Inflater::start(DeflateWrapper wrapper) {
  isal_inflate_reset(state_.get());
  switch (wrapper) {
    case DeflateWrapper::gzip: state_->crc_flag = ISAL_GZIP; break;
    case DeflateWrapper::zlib: state_->crc_flag = ISAL_ZLIB; break;
    case DeflateWrapper::raw: state_->crc_flag = ISAL_DEFLATE; break;
  }
}

Inflater::Step Inflater::run(const uint8_t* in, size_t in_size, uint8_t* out, size_t out_size) {
  inflate_state& state = *state_;
  uint32_t avail_in = clamp_u32(in_size);
  uint32_t avail_out = clamp_u32(out_size);
  state.next_in = const_cast<uint8_t*>(in);
  state.avail_in = avail_in;
  state.next_out = out;
  state.avail_out = avail_out;
  int code = isal_inflate(&state);
  Step step;
  step.consumed = avail_in - state.avail_in;
  step.produced = avail_out - state.avail_out;
  if (code != ISAL_DECOMP_OK) {
    step.error = describe_isal_error(code);
  } else {
    step.finished = state.block_state == ISAL_BLOCK_FINISH;
  }
  return step;
}

DecodeResult inflate_all(std::string_view in, DeflateWrapper wrapper, size_t max_out,
                         std::string& out, std::string& error) {
  // One per thread: an inflater's state is 90 KB to allocate and clear, more
  // than inflating a small page costs.
  thread_local Inflater inflater;
  inflater.start(wrapper);
  out.clear();
  if (wrapper == DeflateWrapper::gzip) out.resize(gzip_size_hint(in, max_out));
  size_t used = 0;
  auto next = reinterpret_cast<const uint8_t*>(in.data());
  size_t left = in.size();
  for (;;) {
    uint8_t* space = grow(out, used, max_out);
    if (!space) {
      out.resize(used);
      return DecodeResult::over_limit;
    }
    Inflater::Step step = inflater.run(next, left, space, out.size() - used);
    next += step.consumed;
    left -= step.consumed;
    used += step.produced;
    if (step.error) {
      out.resize(used);
      error = step.error;
      return DecodeResult::corrupt;
    }
    if (step.finished) {
      std::string_view rest(reinterpret_cast<const char*>(next), left);
      if (wrapper != DeflateWrapper::gzip || !starts_gzip_member(rest)) break;
      inflater.start(wrapper);
      continue;
    }
    if (step.consumed == 0 && step.produced == 0) {  // no progress: the input ran out
      out.resize(used);
      return DecodeResult::truncated;
    }
  }
  out.resize(used);
  return DecodeResult::complete;
}

DecodeResult brotli_all(std::string_view in, size_t max_out, std::string& out, std::string& error) {
  std::unique_ptr<BrotliDecoderState, decltype(&BrotliDecoderDestroyInstance)> decoder(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
  if (!decoder) {
    error = "out of memory";
    return DecodeResult::corrupt;
  }
  out.clear();
  size_t used = 0;
  auto next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  for (;;) {
    uint8_t* space = grow(out, used, max_out);
    if (!space) {
      out.resize(used);
      return DecodeResult::over_limit;
    }
    size_t avail_out = out.size() - used;
    size_t before = avail_out;
    BrotliDecoderResult result = BrotliDecoderDecompressStream(
        decoder.get(), &avail_in, &next_in, &avail_out, &space, nullptr);
    used += before - avail_out;
    switch (result) {
      case BROTLI_DECODER_RESULT_SUCCESS:
        out.resize(used);
        return DecodeResult::complete;
      case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
        out.resize(used);
        return DecodeResult::truncated;
      case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
        break;
      default:
        out.resize(used);
        error = BrotliDecoderErrorString(BrotliDecoderGetErrorCode(decoder.get()));
        return DecodeResult::corrupt;
    }
  }
}

DecodeResult zstd_all(std::string_view in, size_t max_out, std::string& out, std::string& error) {
  std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!context) {
    error = "out of memory";
    return DecodeResult::corrupt;
  }
  out.clear();
  size_t used = 0;
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  size_t pending = 1;  // ZSTD_decompressStream's hint: 0 once a frame is complete
  for (;;) {
    uint8_t* space = grow(out, used, max_out);
    if (!space) {
      out.resize(used);
      return DecodeResult::over_limit;
    }
    ZSTD_outBuffer output{space, out.size() - used, 0};
    size_t input_before = input.pos;
    pending = ZSTD_decompressStream(context.get(), &output, &input);
    used += output.pos;
    if (ZSTD_isError(pending)) {
      out.resize(used);
      error = ZSTD_getErrorName(pending);
      return DecodeResult::corrupt;
    }
    bool input_done = input.pos == input.size;
    if (input_done && pending == 0) break;
    if (output.pos == 0 && input.pos == input_before) {  // no progress: the input ran out
      out.resize(used);
      return DecodeResult::truncated;
    }
  }
  out.resize(used);
  return DecodeResult::complete;
}

}  // namespace lede::io
