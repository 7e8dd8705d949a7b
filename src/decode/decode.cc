// Choosing a page's encoding (the HTML standard's sniffing order) and
// converting it to UTF-8 with glibc iconv.
#include "decode/decode.h"

#include <errno.h>
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "decode/encodings.h"
#include "util/byte_scan.h"
#include "util/utf8.h"

namespace lede::decode {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// --- UTF-8 -------------------------------------------------------------------

// The length of the well-formed UTF-8 sequence at `p`, or, when it is
// ill-formed, minus the length of its maximal ill-formed prefix (at least 1):
// the bytes that one U+FFFD replaces, as the Encoding standard does.
int utf8_sequence(const unsigned char* p, const unsigned char* end) {
  unsigned lead = p[0];
  if (lead < 0x80) return 1;
  int trailing = 0;
  unsigned low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    trailing = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trailing = 2;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trailing = 3;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;
  }
  for (int i = 1; i <= trailing; ++i) {
    if (p + i >= end || p[i] < low || p[i] > high) return -i;
    low = 0x80;
    high = 0xBF;
  }
  return trailing + 1;
}

// The first byte at or after `p` that is not ASCII, or `end`; the decoder
// reads bytes unsigned.
const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end) {
  const char* found = util::find_non_ascii(reinterpret_cast<const char*>(p), reinterpret_cast<const char*>(end));
  return reinterpret_cast<const unsigned char*>(found);
}

struct Utf8Scan {
  size_t valid_prefix = 0;  // == size when the whole input is valid
  bool ascii_only = true;
};

Utf8Scan scan_utf8(std::string_view bytes) {
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = begin + bytes.size();
  Utf8Scan scan;
  const auto* p = skip_ascii(begin, end);
  while (p < end) {
    scan.ascii_only = false;
    int length = utf8_sequence(p, end);
    if (length < 0) break;
    p = skip_ascii(p + length, end);
  }
  scan.valid_prefix = static_cast<size_t>(p - begin);
  return scan;
}

void repair_utf8(std::string_view bytes, size_t valid_prefix, std::string& out) {
  out.reserve(bytes.size() + 16);
  out.append(bytes.substr(0, valid_prefix));
  const auto* end = reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size();
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + valid_prefix;
  while (p < end) {
    const unsigned char* ascii_end = skip_ascii(p, end);
    out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(ascii_end - p));
    p = ascii_end;
    if (p == end) break;
    int length = utf8_sequence(p, end);
    if (length > 0) {
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(length));
      p += length;
    } else {
      out += kReplacement;
      p += -length;
    }
  }
}

void append_utf8(std::string& out, char32_t code_point) {
  char bytes[4];
  out.append(bytes, encode_utf8(code_point, bytes));
}

// --- iconv -------------------------------------------------------------------

// Opening a converter loads a gconv module: keep one per encoding and thread.
class ConverterCache {
 public:
  ConverterCache() = default;
  ConverterCache(const ConverterCache&) = delete;
  ConverterCache& operator=(const ConverterCache&) = delete;
  ~ConverterCache() {
    for (auto& [name, converter] : converters_) iconv_close(converter);
  }

  // A converter from `name` to UTF-8 in its initial state; nullptr if iconv
  // does not know the encoding.
  iconv_t get(std::string_view name) {
    for (auto& [known, converter] : converters_) {
      if (known == name) {
        iconv(converter, nullptr, nullptr, nullptr, nullptr);
        return converter;
      }
    }
    iconv_t converter = iconv_open("UTF-8", std::string(name).c_str());
    if (converter == reinterpret_cast<iconv_t>(-1)) return nullptr;
    converters_.emplace_back(name, converter);
    return converter;
  }

 private:
  std::vector<std::pair<std::string_view, iconv_t>> converters_;
};

// Without a converter the text is still usable: ASCII kept, the rest U+FFFD.
void convert_ascii_only(std::string_view bytes, std::string& out) {
  out.reserve(bytes.size());
  for (char c : bytes) {
    if (static_cast<unsigned char>(c) < 0x80) {
      out += c;
    } else {
      out += kReplacement;
    }
  }
}

// iconv stops at an invalid sequence: there we emit U+FFFD, skip one code
// unit and go on, so conversion never fails.
void convert_with_iconv(std::string_view bytes, const Encoding& encoding, std::string& out) {
  thread_local ConverterCache cache;
  iconv_t converter = cache.get(encoding.iconv_name);
  if (!converter) return convert_ascii_only(bytes, out);
  const size_t code_unit = encoding.name.starts_with("utf-16") ? 2 : 1;
  out.reserve(bytes.size() + bytes.size() / 2);
  char buffer[16 * 1024];
  char* in = const_cast<char*>(bytes.data());  // iconv's signature, not a write
  size_t in_left = bytes.size();
  bool flushing = false;
  for (;;) {
    char* written = buffer;
    size_t out_left = sizeof buffer;
    size_t result = flushing ? iconv(converter, nullptr, nullptr, &written, &out_left)
                             : iconv(converter, &in, &in_left, &written, &out_left);
    int error = errno;
    out.append(buffer, static_cast<size_t>(written - buffer));
    if (result != static_cast<size_t>(-1)) {
      if (flushing) return;
      flushing = true;  // in_left == 0: emit any pending shift state
    } else if (error == EILSEQ) {
      out += kReplacement;
      size_t skip = std::min(code_unit, in_left);
      in += skip;
      in_left -= skip;
    } else if (error == EINVAL) {  // a sequence cut by the end of input
      out += kReplacement;
      in_left = 0;
      flushing = true;
    } else if (error != E2BIG) {
      return;
    }
  }
}

// --- choosing the encoding -----------------------------------------------------

bool equals_ignoring_ascii_case(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

struct Bom {
  const Encoding* encoding = nullptr;
  size_t length = 0;
};

Bom sniff_bom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return {find_encoding("utf-8"), 3};
  if (bytes.starts_with("\xFE\xFF")) return {find_encoding("utf-16be"), 2};
  if (bytes.starts_with("\xFF\xFE")) return {find_encoding("utf-16le"), 2};
  return {};
}

// Latin-script single-byte encodings other than windows-1252. uchardet often
// picks one of them for a Western page with a handful of accented letters,
// where windows-1252 is far more likely right.
constexpr std::array<std::string_view, 13> kOtherLatinEncodings = {
    "iso-8859-2",   "iso-8859-3",   "iso-8859-4",   "iso-8859-10",  "iso-8859-13",
    "iso-8859-14",  "iso-8859-15",  "iso-8859-16",  "macintosh",    "windows-1250",
    "windows-1254", "windows-1257", "windows-1258"};

// Bytes 0x80-0x9F are C1 controls in the ISO-8859 encodings: text using them
// is in a windows-125x encoding instead.
bool has_c1_bytes(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 && byte <= 0x9F;
  });
}

// uchardet's guess from the first 64 KB, when it is one worth trusting:
// multi-byte encodings and non-Latin scripts.
const Encoding* detect(std::string_view bytes) {
  std::unique_ptr<uchardet, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
  if (!detector) return nullptr;
  bytes = bytes.substr(0, 64 * 1024);
  if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return nullptr;
  uchardet_data_end(detector.get());
  std::string_view guess = uchardet_get_charset(detector.get());
  if (guess == "MAC-CYRILLIC") guess = "x-mac-cyrillic";
  const Encoding* encoding = find_encoding(guess);
  // A guess of UTF-16 without a BOM or of a "replacement" encoding would
  // throw the page away: such guesses on HTML are wrong.
  if (!encoding || encoding->iconv_name.empty() || encoding->name.starts_with("utf-16")) {
    return nullptr;
  }
  if (std::find(kOtherLatinEncodings.begin(), kOtherLatinEncodings.end(), encoding->name) !=
      kOtherLatinEncodings.end()) {
    return nullptr;
  }
  if (encoding->name.starts_with("iso-8859-") && has_c1_bytes(bytes)) return nullptr;
  return encoding;
}

// The encoding of `bytes` (after any BOM), lazily scanning them as UTF-8: the
// scan is shared with the conversion.
class EncodingChoice {
 public:
  EncodingChoice(std::string_view bytes, std::string_view transport_charset) : bytes_(bytes) {
    Bom bom = sniff_bom(bytes);
    if (bom.encoding) {
      bom_length_ = bom.length;
      encoding_ = bom.encoding;
    } else if (const Encoding* transport = find_encoding(transport_charset)) {
      encoding_ = transport;
    } else if (const Encoding* declared = prescan_meta_charset(bytes)) {
      // Pages saved by crawlers and browsers are often re-encoded to UTF-8
      // and keep their old <meta>: non-ASCII text that is valid UTF-8 is
      // practically never a legacy encoding, so UTF-8 wins over the <meta>.
      const Utf8Scan& scan = utf8_scan();
      bool reencoded = !scan.ascii_only && scan.valid_prefix == bytes.size();
      encoding_ = reencoded ? find_encoding("utf-8") : declared;
    } else if (utf8_scan().valid_prefix == bytes.size()) {
      encoding_ = find_encoding("utf-8");
    } else if (const Encoding* detected = detect(bytes)) {
      encoding_ = detected;
    } else {
      encoding_ = find_encoding("windows-1252");
    }
  }

  const Encoding& encoding() const { return *encoding_; }
  std::string_view content() const { return bytes_.substr(bom_length_); }

  const Utf8Scan& utf8_scan() {
    if (!scan_) scan_ = scan_utf8(content());
    return *scan_;
  }

 private:
  std::string_view bytes_;
  size_t bom_length_ = 0;
  const Encoding* encoding_ = nullptr;
  std::optional<Utf8Scan> scan_;
};

// Where `decoded.text` starts inside `decoded.storage`, if it lies there.
std::optional<size_t> offset_in_storage(const Decoded& decoded) {
  auto text = reinterpret_cast<uintptr_t>(decoded.text.data());
  auto storage = reinterpret_cast<uintptr_t>(decoded.storage.data());
  if (text < storage || text > storage + decoded.storage.size()) return std::nullopt;
  return text - storage;
}

std::string_view rebased_text(const Decoded& from, std::optional<size_t> offset,
                              const std::string& storage) {
  if (!offset) return from.text;
  return std::string_view(storage).substr(*offset, from.text.size());
}

}  // namespace

Decoded::Decoded(const Decoded& other) : storage(other.storage), encoding(other.encoding) {
  text = rebased_text(other, offset_in_storage(other), storage);
}

Decoded::Decoded(Decoded&& other) noexcept {
  std::optional<size_t> offset = offset_in_storage(other);
  storage = std::move(other.storage);
  encoding = std::move(other.encoding);
  text = rebased_text(other, offset, storage);
}

Decoded& Decoded::operator=(const Decoded& other) {
  if (this != &other) *this = Decoded(other);
  return *this;
}

Decoded& Decoded::operator=(Decoded&& other) noexcept {
  if (this == &other) return *this;
  std::optional<size_t> offset = offset_in_storage(other);
  storage = std::move(other.storage);
  encoding = std::move(other.encoding);
  text = rebased_text(other, offset, storage);
  return *this;
}

std::string_view encoding_name(std::string_view label) {
  const Encoding* encoding = find_encoding(label);
  return encoding ? encoding->name : std::string_view();
}

Sniffed sniff_encoding(std::string_view bytes, std::string_view transport_charset) {
  if (const Encoding* bom = sniff_bom(bytes).encoding) return {bom->name, Confidence::certain};
  if (const Encoding* transport = find_encoding(transport_charset)) {
    return {transport->name, Confidence::certain};
  }
  if (const Encoding* declared = prescan_meta_charset(bytes)) {
    return {declared->name, Confidence::tentative};
  }
  return {"windows-1252", Confidence::tentative};
}

std::string_view encoding_declared_by_meta(std::string_view charset, std::string_view http_equiv,
                                           std::string_view content) {
  const Encoding* declared = find_encoding(charset);
  if (!declared && equals_ignoring_ascii_case(http_equiv, "content-type")) {
    declared = find_encoding(charset_from_content(content));
  }
  declared = as_meta_declaration(declared);
  return declared ? declared->name : std::string_view();
}

Decoded to_utf8(std::string_view bytes, std::string_view transport_charset) {
  EncodingChoice choice(bytes, transport_charset);
  const Encoding& encoding = choice.encoding();
  std::string_view content = choice.content();
  Decoded decoded;
  decoded.encoding = encoding.name;
  if (encoding.name == "utf-8") {
    const Utf8Scan& scan = choice.utf8_scan();
    if (scan.valid_prefix == content.size()) {
      decoded.text = content;
      return decoded;
    }
    repair_utf8(content, scan.valid_prefix, decoded.storage);
  } else if (encoding.name == "x-user-defined") {
    // The Encoding standard maps its high bytes to the private use area.
    for (char c : content) {
      auto byte = static_cast<unsigned char>(c);
      append_utf8(decoded.storage, byte < 0x80 ? byte : 0xF780 + byte - 0x80);
    }
  } else if (encoding.name == "replacement") {
    if (!content.empty()) decoded.storage = kReplacement;
  } else {
    convert_with_iconv(content, encoding, decoded.storage);
  }
  decoded.text = decoded.storage;
  return decoded;
}

}  // namespace lede::decode
