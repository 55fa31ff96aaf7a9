/* The coordinator's dashboard: one ECharts bar chart per breakdown, drawn from the JSON the
   page carries next to it (the same numbers as the table below each chart). The library is
   vendored in static/vendor/echarts (see its README), never loaded from a CDN. */
(function () {
  "use strict";

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    if (!data.labels.length) { element.hidden = true; return; }
    element.style.height = Math.max(260, 60 + data.labels.length * 28) + "px";
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return v === null ? "—" : v + data.percent; } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}" + data.percent } },
      yAxis: { type: "category", data: data.labels, inverse: true,
               axisLabel: { width: 160, overflow: "truncate" } },
      series: data.series.map(function (s) {
        return { name: s.name, type: "bar", data: s.values };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-chart]"), draw);
  });
})();
