// Pieces shared by the daemon's pages (private to core): the page frame, labels in words, highlighting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "minutes/search_format.h"
#include "minutes/web_page.h"

namespace minutes::web {

inline std::string h(std::string_view text) { return html_escape(text); }

// "vice_chair" -> "Vice-chair", "public" -> "Member of the public"; unknown names unchanged.
[[nodiscard]] std::string role_label(const std::string& role);
// "resolution"/"decision" -> "Decision", "declaration" -> "Declaration of interest", ...
[[nodiscard]] std::string kind_label(const std::string& kind);
// `text` escaped, with each highlight (byte ranges into `text`) marked; ranges out of bounds or
// overlapping an earlier one are ignored.
[[nodiscard]] std::string highlighted(std::string_view text, const std::vector<Highlight>& highlights);

// Address of the stylesheet, versioned by its content.
[[nodiscard]] std::string stylesheet_url();
// Everything up to and including <main>: doctype, head (title, viewport, stylesheet, `head_extra`),
// skip link, masthead. `title` is plain text.
[[nodiscard]] std::string page_start(std::string_view title, std::string_view head_extra = {});
// </main>, the footer, the hashed script, </html>.
[[nodiscard]] std::string page_end();

}  // namespace minutes::web
