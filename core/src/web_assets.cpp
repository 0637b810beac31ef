// The pages' stylesheet and their one small script, compiled in so the daemon loads nothing from elsewhere.
#include "minutes/web_page.h"

namespace minutes {

// Colours are chosen for WCAG 2.1 AA on white (body text #1b1b1b 17:1, links #1d4f91 8:1, muted text
// #505a5f 7:1, the masthead's white on #1d3557 12:1); focus is a thick yellow ring with a dark inner
// edge, visible on light and dark backgrounds. One column on a phone, facets beside results from 52em.
std::string_view web_stylesheet() {
    return R"css(*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0}
a{color:#1d4f91;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{color:#0b2e5c;text-decoration-thickness:2px}
:focus-visible{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
a:focus-visible{background:#ffbf47;color:#0b0c0c;text-decoration:none;box-shadow:0 -2px #ffbf47,0 4px #0b0c0c;outline:none}
.skip{position:absolute;left:-999em}
.skip:focus{left:1rem;top:1rem;z-index:9;padding:.5rem 1rem}
.masthead{background:#1d3557;color:#fff;border-bottom:6px solid #457b9d}
.masthead .inner{max-width:72rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem}
.masthead a{color:#fff;font-weight:700;font-size:1.25rem;text-decoration:none}
.masthead a:focus-visible{color:#0b0c0c}
.masthead .tagline{color:#e8eef4;font-size:.95rem}
main{max-width:72rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
.passage p,.snippet,.cite,code{overflow-wrap:anywhere}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:0 0 .25rem}
.search{background:#f3f2f1;border:1px solid #b1b4b6;padding:1rem;margin-bottom:1rem}
.search .query{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.search .query label{flex-basis:100%;font-weight:700;font-size:1.1rem}
input,select,button{font:inherit;color:#0b0c0c}
input[type=search],input[type=text],input[type=date],select{border:2px solid #0b0c0c;padding:.35rem .5rem;background:#fff;min-height:2.5rem;border-radius:0}
input[type=search]{flex:1 1 16rem;min-width:0}
button{background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;padding:.5rem 1.25rem;min-height:2.5rem;cursor:pointer;font-weight:700}
button:hover{background:#005a30}
button.secondary{background:#fff;color:#1d4f91;border:2px solid #1d4f91;padding:.15rem .6rem;min-height:0;font-weight:400;font-size:.9rem}
details.filter-box{margin-top:.75rem}
details.filter-box>summary,details.help>summary{cursor:pointer;color:#1d4f91;text-decoration:underline;font-weight:600}
.view{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin-top:.75rem}
.view .field{flex:1 1 9rem;max-width:14rem}
@media (max-width:40em){#q-hint{display:none}.search{padding:.75rem}main{padding:.75rem}}
.filters{border:0;padding:0;margin:.75rem 0 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.75rem 1rem}
.filters legend{font-weight:700;padding:0;margin-bottom:.5rem}
.field label{display:block;font-weight:600;font-size:.95rem}
.field input,.field select{width:100%}
.hint{color:#505a5f;font-size:.9rem;margin:.25rem 0}
details.help{margin-top:.75rem}
details.help dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
details.help dt{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95rem}
details.help dd{margin:0}
.chips{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem}
.chips li a{display:inline-block;border:2px solid #1d3557;padding:.1rem .6rem;text-decoration:none;color:#1d3557;background:#fff}
.chips li a:hover{background:#e8eef4}
.layout{display:grid;grid-template-columns:1fr;gap:1.5rem}
@media (min-width:52em){.layout{grid-template-columns:17rem 1fr}.layout .facets{order:0}.layout .results{order:1}}
.facets{order:2}
.facets h2{font-size:1.1rem;margin:1rem 0 .25rem;border-bottom:2px solid #1d3557}
.facets ul{list-style:none;margin:0;padding:0}
.facets li{margin:.1rem 0}
.facets a{display:flex;justify-content:space-between;gap:.5rem;padding:.15rem .25rem;text-decoration:none}
.facets a span.value{text-decoration:underline;overflow-wrap:anywhere}
.facets a.on{background:#1d3557;color:#fff;font-weight:700}
.facets a.on span.value{text-decoration:none}
.facets .count{color:#505a5f;font-variant-numeric:tabular-nums}
.facets a.on .count{color:#fff}
.summary{font-size:1.1rem;margin:0 0 .25rem}
.actions{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0 0 1rem;color:#505a5f}
.suggestion{font-size:1.1rem;background:#fff7d6;border-left:5px solid #b58900;padding:.5rem .75rem}
.empty{border-left:5px solid #1d3557;background:#f3f2f1;padding:.5rem 1rem}
.error{border:4px solid #d4351c;padding:.5rem 1rem;color:#0b0c0c}
.error strong{color:#a52714}
ol.hits{list-style:none;padding:0;margin:0}
.hit{border-top:1px solid #b1b4b6;padding:1rem 0}
.where{color:#505a5f;margin:0 0 .35rem;font-size:.95rem}
.snippet{margin:.25rem 0;padding:0 0 0 .75rem;border-left:4px solid #b1b4b6}
mark{background:#fff2a8;color:#0b0c0c;font-weight:700;padding:0 .05em}
.speaker{margin:.25rem 0;font-size:.95rem}
.cite{margin:.35rem 0 0;font-size:.9rem}
.cite button{margin-left:.5rem}
.cite .label{font-weight:700}
.grouped{font-size:.9rem;color:#505a5f}
.pages{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1.5rem 0;padding-top:1rem;border-top:1px solid #b1b4b6}
.pages a{font-weight:700;padding:.25rem .5rem}
.crumbs{font-size:.95rem;margin:.25rem 0 .75rem}
.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem}
.crumbs li+li::before{content:"\203A";margin-right:.35rem;color:#505a5f}
.item-nav{display:flex;justify-content:space-between;flex-wrap:wrap;gap:.5rem 1rem;margin:1rem 0;padding:.5rem 0;border-top:1px solid #b1b4b6;border-bottom:1px solid #b1b4b6}
.passage{margin:0 0 1rem;padding:.25rem .75rem;border-left:4px solid transparent}
.passage p{margin:.25rem 0;white-space:pre-line}
.passage .who{font-weight:700;font-size:.95rem;margin:0}
.passage .kind{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .4rem;margin-right:.5rem;border:1px solid currentColor}
.passage.decision{border-left-color:#00703c;background:#eef7f1}
.passage.decision .kind{color:#005a30}
.passage.declaration{border-left-color:#912b88;background:#f9f0f8}
.passage.declaration .kind{color:#6f1f68}
.passage.vote .kind{color:#1d3557}
.passage.matched{outline:3px solid #b58900;background:#fffbe6}
.passage:target{outline:3px solid #b58900}
.attendance dl{margin:0}
.attendance dt{font-weight:700;margin-top:.5rem}
.attendance dd{margin:0 0 0 1rem}
.meta-table{border-collapse:collapse;margin:.5rem 0}
.meta-table th{text-align:left;padding:.15rem 1rem .15rem 0;vertical-align:top;color:#505a5f;font-weight:600}
.meta-table td{padding:.15rem 0}
.source code{overflow-wrap:anywhere}
footer{max-width:72rem;margin:2rem auto 0;padding:1rem;border-top:1px solid #b1b4b6;color:#505a5f;font-size:.9rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{
.masthead,.search,.facets,.pages,.item-nav,.similar,.no-print,footer,button{display:none!important}
html{font-size:11pt;color:#000}
main{max-width:none;padding:0}
a{color:#000;text-decoration:none}
.passage{break-inside:avoid;border-left-width:2px}
.passage.matched,.passage:target{outline:none;background:none}
.passage.decision{background:none;border-left:3px solid #000}
mark{background:none;font-weight:700}
.print-url{display:block!important}
}
.print-url{display:none}
)css";
}

// A page of minutes on the masthead's blue.
std::string_view web_icon() {
    return R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#1d3557"/><path d="M9 6h10l5 5v15H9z" fill="#fff"/><path d="M12 14h9M12 18h9M12 22h6" stroke="#1d3557" stroke-width="2"/></svg>)svg";
}

// Shows the citation copy buttons (hidden without script) and copies the citation text on click.
std::string_view web_script() {
    return R"js(document.querySelectorAll("button[data-copy]").forEach(function(b){var t=document.getElementById(b.getAttribute("data-copy"));if(!t||!navigator.clipboard)return;b.hidden=false;b.addEventListener("click",function(){navigator.clipboard.writeText(t.textContent).then(function(){b.textContent="Copied";},function(){b.textContent="Copy failed";});});});)js";
}

}  // namespace minutes
