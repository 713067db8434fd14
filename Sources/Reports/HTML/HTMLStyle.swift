/// The page's stylesheet and its one small script, constant text written into every page.
enum HTMLStyle {
    /// Fonts from the reader's machine only: the page loads nothing.
    static let css: StaticString = """
        *{box-sizing:border-box}
        body{margin:0;color:#1a1a1a;background:#fff;line-height:1.5;font-size:16px;word-break:keep-all;overflow-wrap:break-word;font-family:"Noto Sans KR","NanumGothic","Nanum Gothic","Malgun Gothic","Apple SD Gothic Neo",sans-serif}
        main{max-width:72rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.5rem 0}
        h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid #1a1a1a}
        h3{font-size:1.1rem;margin:1.5rem 0 .25rem}
        h4{font-size:1rem;margin:1rem 0 .25rem}
        p{margin:.25rem 0}
        a{color:#0b4f9c}
        nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:.5rem 0}
        .scroll{overflow-x:auto;margin:.25rem 0 1rem;max-width:100%}
        table{border-collapse:collapse;font-size:.9rem}
        caption{text-align:left;font-weight:bold;padding:.25rem 0}
        th,td{border:1px solid #aaa;padding:.25rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#ddebf7}
        tbody th{font-weight:normal}
        .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .band{white-space:nowrap}
        .note{color:#444;font-size:.85rem}
        .reason{min-width:14rem}
        .meta{color:#444}
        code{font-size:.85rem;white-space:pre-wrap;word-break:break-word}
        figure{margin:.5rem 0 1rem;max-width:30rem}
        .breakdowns{display:flex;flex-wrap:wrap;gap:0 2rem;align-items:flex-start}
        .breakdowns>div{max-width:100%}
        .breakdowns .note{max-width:20rem}
        figcaption{font-size:.85rem;color:#444}
        svg{display:block;width:100%;height:auto}
        svg text{font-size:14px;fill:#1a1a1a}
        .grid{stroke:#ccc;stroke-width:1}
        .bar{stroke:#1a1a1a;stroke-width:1}
        .line{fill:none;stroke-width:2.5}
        .s0{stroke:#1f5fa8}.s1{stroke:#c0392b;stroke-dasharray:8 4}.s2{stroke:#2e7d32;stroke-dasharray:2 3}
        .s3{stroke:#6a1b9a;stroke-dasharray:10 3 2 3}.s4{stroke:#8d6e00;stroke-dasharray:4 2}.s5{stroke:#00838f;stroke-dasharray:1 2}
        th button{font:inherit;font-weight:bold;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit;text-decoration:underline dotted}
        @media (max-width:40rem){body{font-size:15px}main{padding:.5rem}th,td{padding:.2rem .3rem}}
        @media print{nav{display:none}.project{break-before:page}tr,figure,.scroll{break-inside:avoid}.scroll{overflow:visible}
        h2,h3,h4,caption{break-after:avoid}figure{max-width:26rem}
        a{color:inherit;text-decoration:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{size:A4 landscape;margin:12mm}}
        """

    /// Turns the headings of `table.sortable` into buttons that sort by their column (numbers
    /// by `data-v`, text by the page's language). Without it the table reads the same, in rank order.
    static let script: StaticString = """
        document.querySelectorAll("table.sortable").forEach(function (table) {
          var heads = table.tHead.rows[0].cells;
          Array.prototype.forEach.call(heads, function (th, column) {
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = th.textContent;
            th.textContent = "";
            th.appendChild(button);
            button.addEventListener("click", function () {
              var ascending = th.getAttribute("aria-sort") !== "ascending";
              Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column], y = b.cells[column];
                var r = x.hasAttribute("data-v") && y.hasAttribute("data-v")
                  ? Number(x.getAttribute("data-v")) - Number(y.getAttribute("data-v"))
                  : x.textContent.localeCompare(y.textContent, document.documentElement.lang);
                return ascending ? r : -r;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """
}
