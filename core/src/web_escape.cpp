// Escaping for HTML, XML and URLs, SHA-256 for the script's CSP hash, and Accept negotiation.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

#include "minutes/web_page.h"

namespace minutes {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at text[i] and its code point; 0 when ill-formed
// (overlong forms, surrogates and values above U+10FFFF included, per RFC 3629).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    std::size_t length = 0;
    char32_t min = 0;
    if (lead < 0x80) {
        cp = lead;
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, cp = lead & 0x1F, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, cp = lead & 0x0F, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return length;
}

// Shared by HTML and XML: markup characters escaped, anything that is not harmless text replaced.
std::string escape(std::string_view text, bool xml) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        std::size_t length = decode_utf8(text, i, cp);
        if (length == 0) {  // one replacement per ill-formed byte, as decoders do
            out += kReplacement;
            ++i;
            continue;
        }
        bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
        bool not_xml = cp == 0xFFFE || cp == 0xFFFF;
        if (control || (xml && not_xml)) {
            out += kReplacement;
        } else {
            switch (cp) {
                case '&':
                    out += "&amp;";
                    break;
                case '<':
                    out += "&lt;";
                    break;
                case '>':
                    out += "&gt;";
                    break;
                case '"':
                    out += "&quot;";
                    break;
                case '\'':
                    out += "&#39;";
                    break;
                default:
                    out.append(text.substr(i, length));
            }
        }
        i += length;
    }
    return out;
}

// SHA-256 as specified in FIPS 180-4, section 6.2.
std::array<std::uint8_t, 32> sha256(std::string_view data) {
    static constexpr std::array<std::uint32_t, 64> k{
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    std::array<std::uint32_t, 8> h{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };

    // The message padded with 0x80, zeros and its bit length to a multiple of 64 bytes.
    std::string message(data);
    std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    message.push_back(static_cast<char>(0x80));
    while (message.size() % 64 != 56) message.push_back('\0');
    for (int shift = 56; shift >= 0; shift -= 8) message.push_back(static_cast<char>((bits >> shift) & 0xFF));

    for (std::size_t block = 0; block < message.size(); block += 64) {
        std::array<std::uint32_t, 64> w{};
        for (std::size_t t = 0; t < 16; ++t) {
            for (std::size_t b = 0; b < 4; ++b) {
                w[t] = (w[t] << 8) | static_cast<unsigned char>(message[block + t * 4 + b]);
            }
        }
        for (std::size_t t = 16; t < 64; ++t) {
            std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
            std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        auto [a, b, c, d, e, f, g, hh] = h;
        for (std::size_t t = 0; t < 64; ++t) {
            std::uint32_t t1 =
                hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
            std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
        }
        h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
    }
    std::array<std::uint8_t, 32> digest{};
    for (std::size_t i = 0; i < 8; ++i) {
        for (std::size_t b = 0; b < 4; ++b)
            digest[i * 4 + b] = static_cast<std::uint8_t>(h[i] >> (24 - 8 * b));
    }
    return digest;
}

std::string base64(const std::uint8_t* data, std::size_t size) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < size; i += 3) {
        std::uint32_t chunk = static_cast<std::uint32_t>(data[i]) << 16;
        if (i + 1 < size) chunk |= static_cast<std::uint32_t>(data[i + 1]) << 8;
        if (i + 2 < size) chunk |= data[i + 2];
        out.push_back(kAlphabet[(chunk >> 18) & 63]);
        out.push_back(kAlphabet[(chunk >> 12) & 63]);
        out.push_back(i + 1 < size ? kAlphabet[(chunk >> 6) & 63] : '=');
        out.push_back(i + 2 < size ? kAlphabet[chunk & 63] : '=');
    }
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
        char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] + 32) : b[i];
        if (x != y) return false;
    }
    return true;
}

}  // namespace

std::string html_escape(std::string_view text) { return escape(text, false); }

std::string xml_escape(std::string_view text) { return escape(text, true); }

std::string url_with_params(std::string_view path, const WebParams& params) {
    std::string url(path);
    if (!params.empty()) url += "?" + query_string(params);
    return url;
}

std::string sha256_base64(std::string_view data) {
    auto digest = sha256(data);
    return base64(digest.data(), digest.size());
}

std::string web_script_hash() {
    static const std::string hash = "sha256-" + sha256_base64(web_script());
    return hash;
}

std::string content_security_policy() {
    return "default-src 'none'; style-src 'self'; img-src 'self'; script-src '" + web_script_hash() +
           "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}

bool prefers_html(std::string_view accept) {
    double html = 0;
    double json = 0;
    while (!accept.empty()) {
        auto comma = accept.find(',');
        std::string_view range = accept.substr(0, comma);
        accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
        auto semicolon = range.find(';');
        std::string_view type = trim(range.substr(0, semicolon));
        double quality = 1;
        while (semicolon != std::string_view::npos) {
            range = range.substr(semicolon + 1);
            semicolon = range.find(';');
            std::string_view param = trim(range.substr(0, semicolon));
            if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
                std::string value(param.substr(2));
                char* end = nullptr;
                double q = std::strtod(value.c_str(), &end);
                if (end != value.c_str()) quality = q;
            }
        }
        if (iequals(type, "text/html") || iequals(type, "application/xhtml+xml")) {
            html = std::max(html, quality);
        } else if (iequals(type, "application/json")) {
            json = std::max(json, quality);
        }
    }
    return html > 0 && html >= json;
}

}  // namespace minutes
