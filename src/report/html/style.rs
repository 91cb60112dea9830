//! The inline CSS: no fonts, images or imports; greys with a muted blue that also read in black and white.
//! Meaning is always in words or symbols too (severity and status words, percentage labels, borders).

/// Shared by the report and the summary: page sheet, header, cards, bars, tables, severity chips.
pub(super) const BASE: &str = r#"
:root{--ink:#1b2330;--muted:#545c69;--line:#b9c0ca;--rule:#dfe3e8;--soft:#f3f4f6;--fill:#3b5f7d;--edge:#4a5260}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#e6e8eb;color:var(--ink);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans","Noto Sans","DejaVu Sans",sans-serif;font-size:10pt;line-height:1.45;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{width:210mm;max-width:100%;margin:10mm auto;padding:16mm 17mm;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12),0 8px 28px rgba(0,0,0,.08)}
@media screen and (max-width:214mm){.sheet{margin:0;padding:6mm 5mm;box-shadow:none}}
@media print{body{background:none}.sheet{width:auto;margin:0;padding:0 .5mm;box-shadow:none}}
h1,h2,h3{margin:0;line-height:1.2;break-after:avoid;page-break-after:avoid}
p{margin:0}
.top{padding-bottom:3.5mm;border-bottom:1.5pt solid var(--ink);margin-bottom:5mm}
.logo{float:right;max-height:16mm;max-width:50mm;margin-left:6mm;object-fit:contain}
.eyebrow{font-size:7.5pt;font-weight:600;letter-spacing:.12em;text-transform:uppercase;color:var(--muted)}
h1{font-size:19pt;font-weight:700;margin:1mm 0 2mm;overflow-wrap:anywhere}
.meta{display:flex;flex-wrap:wrap;gap:.5mm 7mm;margin:0;font-size:8.5pt}
.meta div{display:flex;gap:1.5mm;min-width:0}
.meta dt{color:var(--muted)}
.meta dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.disclaimer{font-size:8pt;color:var(--muted)}
.top .disclaimer{margin-top:2.5mm;padding:1.2mm 2.5mm;border-left:2pt solid var(--ink);background:var(--soft);color:var(--ink)}
.totals{display:grid;grid-template-columns:1.55fr 1fr 1fr;gap:3.5mm}
.card{border:.75pt solid var(--line);border-radius:1.5mm;padding:2.6mm 3.5mm;break-inside:avoid;min-width:0}
.label{font-size:7pt;font-weight:600;letter-spacing:.09em;text-transform:uppercase;color:var(--muted)}
.big{font-size:22pt;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums;white-space:nowrap}
.big small{font-size:12pt;font-weight:600;color:var(--muted)}
.band{display:inline-block;margin-left:2mm;padding:0 1.8mm;border:1pt solid var(--ink);border-radius:1mm;font-size:10pt;font-weight:700;vertical-align:5pt;white-space:nowrap}
.sub{font-size:8pt;color:var(--muted);margin-top:1mm}
.scale{position:relative;display:grid;grid-template-columns:50fr 30fr 20fr;margin:3.2mm 0 1mm;border:.75pt solid var(--edge);font-size:6.8pt;line-height:1.5;text-align:center}
.scale span{color:var(--muted);white-space:nowrap;overflow:hidden}
.scale span+span{border-left:.75pt solid var(--edge)}
.scale span.on{background:var(--ink);color:#fff;font-weight:700}
.scale i{position:absolute;top:-2.1mm;width:0;height:0;margin-left:-1.2mm;border-left:1.2mm solid transparent;border-right:1.2mm solid transparent;border-top:1.7mm solid var(--ink)}
.meter{display:flex;align-items:center;gap:2mm}
.bar{flex:1;height:3.2mm;border:.75pt solid var(--edge);border-radius:.8mm;background:#fff;overflow:hidden}
.bar span{display:block;height:100%;background:var(--fill)}
.excluded{font-size:8.5pt;font-style:italic;color:var(--muted)}
.pct{min-width:9mm;text-align:right;font-weight:600;font-variant-numeric:tabular-nums}
table{width:100%;border-collapse:collapse}
th{font-size:7pt;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);text-align:left;padding:0 2mm 1mm;border-bottom:1pt solid var(--ink);white-space:nowrap}
td{padding:1.3mm 2mm;border-bottom:.5pt solid var(--rule);vertical-align:middle}
th:first-child,td:first-child{padding-left:0}
th:last-child,td:last-child{padding-right:0}
tr{break-inside:avoid;page-break-inside:avoid}
tfoot td{font-weight:700;border-top:1pt solid var(--ink);border-bottom:none}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
th.num{text-align:right}
table.overview{table-layout:fixed}
.c-progress{width:23mm}
.barcell{width:50mm}
.c-high{width:21mm}
.sev{display:inline-block;min-width:13mm;padding:0 1.2mm;border:.75pt solid var(--ink);border-radius:.8mm;font-size:6.8pt;font-weight:700;letter-spacing:.07em;line-height:1.55;text-transform:uppercase;text-align:center;white-space:nowrap}
.sev-high{background:var(--ink);color:#fff}
.sev-low{border-style:dashed;border-color:var(--muted);color:var(--muted)}
"#;

/// The full report: flowing pages with page numbers.
pub(super) const REPORT: &str = r#"
@page{size:A4;margin:16mm 17mm 17mm;@bottom-right{content:counter(page) " / " counter(pages);font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,"Liberation Sans","DejaVu Sans",sans-serif;font-size:7.5pt;color:#545c69}}
h1.long{font-size:15pt}
h2{font-size:12.5pt;margin:7mm 0 2.5mm;padding-bottom:1mm;border-bottom:1pt solid var(--ink)}
h2 .count,h3 .count{font-weight:400;color:var(--muted)}
h3{font-size:10.5pt;margin:4.5mm 0 2mm}
.totals{margin-bottom:1mm}
.keep{break-inside:avoid;page-break-inside:avoid}
.head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.5mm 2.5mm;font-size:8pt;color:var(--muted)}
.head b{color:var(--ink);font-weight:600}
.id{margin-left:auto;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:7pt;overflow-wrap:anywhere}
ol.first{list-style:none;margin:0;padding:0}
ol.first>li{display:grid;grid-template-columns:7mm 1fr;gap:0 2mm;padding:1.4mm 0;border-bottom:.5pt solid var(--rule);break-inside:avoid;page-break-inside:avoid}
ol.first>li:first-child{padding-top:.5mm}
.n{font-size:12pt;font-weight:700;line-height:1.25;text-align:right;font-variant-numeric:tabular-nums}
.action{margin:.6mm 0 .4mm}
.plan-count{margin:0 0 1.5mm;color:var(--muted)}
section.cover{break-after:page;page-break-after:always}
.cover .depth{margin:6mm 0 2mm;font-weight:600}
.cover .about{max-width:150mm;line-height:1.45}
nav.toc{margin-top:10mm}
nav.toc ol{margin:0;padding-left:6mm;line-height:1.8}
nav.toc a{color:inherit;text-decoration:none;border-bottom:.5pt dotted var(--line)}
.unanswered{margin:1mm 0 3mm}
.unanswered .label{margin:0 0 .8mm;font-size:8.5pt;font-weight:600;color:var(--muted)}
.unanswered ul{margin:0;padding:0;list-style:none;font-size:8.8pt}
.unanswered li{padding:.4mm 0;border-bottom:.5pt solid var(--rule);break-inside:avoid}
.why{margin:.4mm 0;font-size:8.5pt;color:var(--muted)}
.why b{color:var(--ink);font-weight:600}
.agreed{margin:.4mm 0;font-size:8.5pt;font-weight:600}
ul.steps{margin:.6mm 0 .4mm;padding-left:4.5mm;font-size:8.6pt;line-height:1.35}
ul.steps li{margin:.2mm 0}
.ref a{color:inherit;overflow-wrap:anywhere}
.ref{font-size:8pt;color:var(--muted)}
article.gap{font-size:9.3pt;margin:0 0 1.8mm;padding:1.3mm 0 1.3mm 3mm;border-left:2.2pt solid var(--ink);break-inside:avoid;page-break-inside:avoid}
article.gap.sev-medium-line{border-left:2.2pt solid #7d8693}
article.gap.sev-low-line{border-left:1.2pt dashed #7d8693}
.q{font-weight:600;margin:.8mm 0 .8mm}
dl.facts{display:grid;grid-template-columns:23mm 1fr;gap:.5mm 2mm;margin:0;font-size:9pt}
dl.facts dt{color:var(--muted);font-weight:600}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.note{white-space:pre-line;overflow-wrap:anywhere}
dl.facts dd.note{padding:.6mm 2mm;background:var(--soft);border-left:1pt solid var(--line)}
.done-group{margin-bottom:2.5mm}
.done-group h3{margin:3mm 0 .8mm;font-size:9.5pt}
ul.done{margin:0;padding:0;list-style:none;font-size:8pt;line-height:1.3}
ul.done li{padding:.35mm 0 .35mm 4mm;text-indent:-4mm;break-inside:avoid;page-break-inside:avoid}
.done-note{display:block;text-indent:0;color:var(--muted)}
.orphans td{vertical-align:top;font-size:9pt}
.empty{color:var(--muted);font-style:italic}
footer{margin-top:8mm;padding-top:2mm;border-top:.5pt solid var(--line)}
.lead{font-weight:600}
.rule-note{font-size:8pt;color:var(--muted);margin:.5mm 0 1mm}
ul.changes{margin:0;padding:0;list-style:none;font-size:9pt}
ul.changes li{display:flex;flex-wrap:wrap;gap:0 3mm;justify-content:space-between;padding:.8mm 0;border-bottom:.5pt solid var(--rule);break-inside:avoid;page-break-inside:avoid}
ul.changes .q{flex:1 1 110mm;min-width:0;font-weight:400;margin:0}
.moved{font-size:8.5pt;font-weight:600;white-space:nowrap}
.moved .status{white-space:nowrap}
table.plan,table.sessions,table.intake{font-size:9pt}
table.plan td,table.intake td{vertical-align:top}
table.plan .due{width:25mm;white-space:nowrap;font-variant-numeric:tabular-nums}
table.plan td:nth-child(2){width:32mm;overflow-wrap:anywhere}
table.plan .q{display:block;font-weight:400;margin:0}
table.plan .id{display:block;margin-left:0}
table.plan td.note{width:62mm}
.late-chip{display:block;width:fit-content;margin-top:.6mm;padding:0 1.2mm;border:1pt solid var(--ink);border-radius:.8mm;font-size:6.8pt;font-weight:700;letter-spacing:.07em;text-transform:uppercase;background:var(--ink);color:#fff}
tr.overdue td.due{font-weight:700}
dd.late{font-weight:700}
table.intake{font-size:8pt}
table.intake td{padding:.5mm 2mm}
table.intake td:nth-child(2){width:30mm}
table.intake td.num,table.intake th.num{width:18mm}
"#;

/// The one-page summary: a fixed sheet whose remarks box takes the room that is left.
/// The documents (register, processors, breach register): records in blocks on A4.
pub(super) const RECORDS: &str = r#"
@page{size:A4;margin:15mm 16mm 17mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#666}}
.controller{margin:2mm 0 1mm}
.record{margin:4mm 0 0;padding-top:2.5mm;border-top:.6pt solid var(--line)}
.record h2{font-size:11.5pt;margin:0 0 1.5mm}
dl.facts{display:grid;grid-template-columns:38mm 1fr;gap:.6mm 3mm;margin:0;font-size:9pt}
dl.facts dt{color:var(--muted);font-weight:600}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere;white-space:pre-line}
dl.facts dd.missing{color:#8a1c1c;font-weight:600}
.keep{break-inside:avoid}
"#;

pub(super) const SUMMARY: &str = r#"
@page{size:A4;margin:13mm 15mm}
body{font-size:9.5pt}
.sheet{display:flex;flex-direction:column}
@media screen and (min-width:214mm){.sheet{min-height:297mm;padding:13mm 15mm}}
@media print{.sheet{height:268mm}}
.top{margin-bottom:2.5mm}
.top.split{display:grid;grid-template-columns:1fr 78mm;gap:6mm;align-items:end}
.who{min-width:0}
.who .logo{float:none;display:block;max-height:11mm;margin:0 0 2mm 0}
h1{font-size:17pt;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;overflow:hidden}
.score{padding:2mm 3.5mm}
.score .big{font-size:20pt}
.score .scale{margin-top:2.6mm}
.facts{font-size:9pt}
.facts .sep{color:var(--muted)}
.facts.details{margin-bottom:1mm;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;overflow:hidden}
h2{font-size:10.5pt;margin:3mm 0 1mm}
table.overview{font-size:9pt}
td{padding:.3mm 2mm}
.bar{height:2.6mm}
.title .name{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;overflow:hidden;line-height:1.3}
.c-progress{width:22mm}
.c-high{width:20mm}
.barcell{width:40mm}
h1.long{font-size:13pt}
ol.top5{list-style:none;margin:0;padding:0}
ol.top5 li{display:grid;grid-template-columns:5mm 15mm 1fr;gap:0 2mm;align-items:baseline;padding:.5mm 0;border-bottom:.5pt solid var(--rule);font-size:8.8pt}
ol.top5 .n{font-weight:700;text-align:right;font-variant-numeric:tabular-nums}
ol.top5 .action{margin:0;line-height:1.3;min-width:0}
ol.top5 .action b{display:block;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
ol.top5 .why{display:block;font-size:7.8pt;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.more{margin-top:1mm;font-size:8pt;color:var(--muted)}
.remarks{flex:1 0 12mm;display:flex;flex-direction:column;margin-top:4mm;border:.75pt solid var(--edge);border-radius:1.5mm;padding:2mm 3.5mm 3mm}
.lines{position:relative;flex:1}
.rules{position:absolute;inset:0;overflow:hidden}
.rule{height:7mm;border-bottom:.5pt solid var(--line)}
.next{display:flex;align-items:baseline;gap:2mm;margin-top:3mm;font-weight:600}
.next .fill{display:inline-block;width:62mm;border-bottom:.75pt solid var(--ink)}
.signatures{display:grid;grid-template-columns:1fr 1fr;gap:6mm;margin-top:3.5mm}
.sign{border:.75pt solid var(--edge);border-radius:1.5mm;padding:2mm 3.5mm 2.5mm}
.sign .line{display:flex;align-items:baseline;gap:2mm;margin-top:2.6mm;font-size:8pt;color:var(--muted)}
.sign .line span+span{flex:1;border-bottom:.75pt solid var(--ink);color:var(--ink);font-size:8.5pt;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;min-width:0}
.sign .pair{display:grid;grid-template-columns:1.6fr 1fr;gap:4mm}
.sign .pair>div{min-width:0}
.sign .line.tall{margin-top:6mm}
.sheet>.disclaimer{margin-top:2.5mm}
"#;

/// The draft privacy statement: flowing A4 pages with page numbers, marked placeholders.
pub(super) const STATEMENT: &str = r#"
@page{size:A4;margin:16mm 18mm 17mm;@bottom-right{content:counter(page) " / " counter(pages);font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,"Liberation Sans","DejaVu Sans",sans-serif;font-size:7.5pt;color:#545c69}}
.statement{font-size:10pt;line-height:1.5}
.statement h2{font-size:12.5pt;margin:6mm 0 2mm;padding-bottom:1mm;border-bottom:.75pt solid var(--line)}
.statement h3{font-size:10.5pt;margin:3.5mm 0 1mm;overflow-wrap:anywhere}
.statement p,.statement li{overflow-wrap:anywhere;padding-right:1.2mm}
.statement section p{margin:0 0 2mm}
.statement ul{margin:0 0 2.5mm;padding-left:5mm}
.statement li{margin:.6mm 0;break-inside:avoid;page-break-inside:avoid}
.statement .intro{margin:0 0 1mm}
.draft{margin-top:3mm;padding:2mm 3mm;border:1pt dashed var(--ink);background:var(--soft);font-weight:600}
mark.fill{background:#fff1bf;color:var(--ink);border:.75pt dashed var(--ink);border-radius:.8mm;padding:0 .8mm;font-weight:600;-webkit-box-decoration-break:clone;box-decoration-break:clone}
"#;
