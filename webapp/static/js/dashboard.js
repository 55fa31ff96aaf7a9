/* Every dashboard's charts (the coordinator's, an agency's, a facilitator's): one ECharts
   chart per JSON block the page carries next to it, the same numbers as the table below.
   A "bar" chart has one bar per row (agency, domain, group…), a "line" chart one point per
   week or month; rates are percentages (0–100), counts are stacked when "stack" is set.
   The library is vendored in static/vendor/echarts (see its README), never from a CDN. */
(function () {
  "use strict";

  function axisFor(data) {
    var axis = { type: "value", minInterval: 1,
                 axisLabel: { formatter: "{value}" + (data.unit || "") } };
    if (data.unit) { axis.min = 0; axis.max = 100; }
    return axis;
  }

  function series(data) {
    return data.series.map(function (s) {
      var one = { name: s.name, type: data.kind === "line" && !data.stack ? "line" : "bar",
                  data: s.values, connectNulls: true };
      if (data.stack) { one.stack = "all"; }
      return one;
    });
  }

  function option(data) {
    var categories = { type: "category", data: data.labels };
    var values = axisFor(data);
    var base = {
      aria: { enabled: true },
      tooltip: { trigger: "axis", valueFormatter: function (v) {
        return v === null || v === undefined ? "—" : v + (data.unit || ""); } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      series: series(data)
    };
    if (data.kind === "line") {
      base.xAxis = categories;
      base.yAxis = values;
    } else {
      categories.inverse = true;
      categories.axisLabel = { width: 160, overflow: "truncate" };
      base.xAxis = values;
      base.yAxis = categories;
    }
    return base;
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    if (!data.labels.length) { element.hidden = true; return; }
    var height = data.kind === "line" ? 300 : 60 + data.labels.length * 28;
    element.style.height = Math.max(260, height) + "px";
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(option(data));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-chart]"), draw);
  });
})();
