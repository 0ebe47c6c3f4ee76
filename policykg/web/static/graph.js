// The console's graph: nodes named by their names, a click expands the node's neighbourhood one
// page at a time (the app's /api/neighbours), "show more" asks for the next page.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  var source = document.getElementById("graph-data");
  if (!box || !source || typeof vis === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var limit = Number(box.dataset.limit) || 50;
  var shown = 0;
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var key = function (e) { return e.from + "|" + e.label + "|" + e.to; };
  var addEdges = function (list) {
    list.forEach(function (e) { if (!edges.get(key(e))) { e.id = key(e); e.arrows = "to"; e.font = {size: 9, color: "#888"}; edges.add(e); } });
  };
  // The result's nodes, a page at a time: a large result stays readable.
  var resultMore = document.getElementById("result-more");
  var showResult = function () {
    nodes.add(data.nodes.slice(shown, shown + limit).filter(function (n) { return !nodes.get(n.id); }));
    shown += limit;
    addEdges(data.edges.filter(function (e) { return nodes.get(e.from) && nodes.get(e.to); }));
    if (resultMore) {
      resultMore.hidden = shown >= data.nodes.length;
      resultMore.textContent = box.dataset.more + " (" + Math.max(0, data.nodes.length - shown) + ")";
    }
    box.dataset.shown = String(nodes.length);
  };
  showResult();
  if (resultMore) { resultMore.addEventListener("click", showResult); }
  var network = new vis.Network(box, {nodes: nodes, edges: edges}, {
    nodes: {shape: "dot", size: 12, font: {size: 13}},
    groups: {Plan: {color: "#20415e"}, Section: {color: "#8aa"}, Action: {color: "#4c8"},
             Target: {color: "#f90"}, Milestone: {color: "#c6c"}, Bureau: {color: "#d44"}},
    physics: {stabilization: {iterations: 150}}, interaction: {hover: true}
  });
  var more = null;
  var expand = function (id, offset) {
    fetch("/api/neighbours?id=" + encodeURIComponent(id) + "&offset=" + offset, {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (page) {
        page.nodes.forEach(function (n) { if (!nodes.get(n.id)) { nodes.add(n); } });
        addEdges(page.edges);
        if (more) { more.remove(); more = null; }
        if (page.next !== null && page.next !== undefined) {
          more = document.createElement("button");
          more.className = "more";
          more.textContent = box.dataset.more + " (" + (page.total - page.next) + ")";
          more.addEventListener("click", function () { expand(id, page.next); });
          box.parentNode.insertBefore(more, box.nextSibling);
        }
        box.dataset.expanded = String(nodes.length);
      });
  };
  network.on("click", function (params) { if (params.nodes.length) { expand(params.nodes[0], 0); } });
  network.once("afterDrawing", function () { box.dataset.ready = "1"; });
  box.network = network;  // for the browser test, which clicks a node where vis-network drew it
}());
