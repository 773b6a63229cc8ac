// Draws the strongest links of the cooperation network with Cytoscape.js from our JSON endpoint.
// The tables on the page carry the same data; the drawing is an overview for those who can see
// it. Cytoscape is large (about 115 KB compressed), so it loads only when someone opens the
// drawing ("Show as graph"), never with the page.
(function () {
  "use strict";

  var FALLBACK_COLOUR = "#5c5c5c";

  // The kind colours live in graph.css (legend swatches), so page and drawing cannot disagree.
  function kindColours() {
    var colours = {};
    document.querySelectorAll(".tr-graph-legend__swatch[data-kind]").forEach(function (swatch) {
      colours[swatch.dataset.kind] = window.getComputedStyle(swatch).backgroundColor;
    });
    return colours;
  }

  function draw(element, data) {
    var colours = kindColours();
    var font = window.getComputedStyle(element).fontFamily || "sans-serif";
    var fallback = element.querySelector(".tr-graph__fallback");
    if (fallback) {
      fallback.remove();
    }
    var cy = cytoscape({
      container: element,
      elements: data.elements,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      maxZoom: 2,
      style: [
        {
          selector: "node",
          style: {
            "background-color": function (node) {
              return colours[node.data("kind")] || FALLBACK_COLOUR;
            },
            "border-color": "#1b1b1b",
            "border-width": 1,
            width: function (node) {
              return 18 + 10 * Math.sqrt(node.data("degree"));
            },
            height: function (node) {
              return 18 + 10 * Math.sqrt(node.data("degree"));
            },
            label: "data(label)",
            color: "#1b1b1b",
            // The page's font (KERN's variable), whatever it is: the labels match the text.
            "font-family": font,
            "font-size": 12,
            "text-valign": "bottom",
            "text-margin-y": 4,
            "text-wrap": "wrap",
            "text-max-width": 140,
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
            "text-background-padding": 1,
          },
        },
        {
          selector: "edge",
          style: {
            width: function (edge) {
              return Math.min(1 + edge.data("weight"), 8);
            },
            "line-color": "#7a8a99",
            "curve-style": "straight",
          },
        },
      ],
      layout: {
        name: "cose",
        animate: false,
        randomize: false,
        nodeDimensionsIncludeLabels: true,
        padding: 20,
      },
    });

    cy.on("tap", "node", function (event) {
      var url = event.target.data("url");
      if (url) {
        window.location.assign(url);
      }
    });
    cy.on("mouseover", "node", function () {
      element.style.cursor = "pointer";
    });
    cy.on("mouseout", "node", function () {
      element.style.cursor = "";
    });
    element.dataset.nodes = String(cy.nodes().length);
    element.dataset.edges = String(cy.edges().length);
    element.dataset.loaded = "true";
  }

  function fetchAndDraw(element) {
    fetch(element.dataset.url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        draw(element, data);
      })
      .catch(function () {
        element.dataset.loaded = "error";
      });
  }

  // Adds Cytoscape's script once (a same-origin file, as the Content-Security-Policy wants).
  function loadCytoscape(element, then) {
    if (typeof cytoscape !== "undefined") {
      then();
      return;
    }
    var script = document.createElement("script");
    script.src = element.dataset.script;
    script.onload = then;
    script.onerror = function () {
      element.dataset.loaded = "error";
    };
    document.head.appendChild(script);
  }

  function init() {
    var details = document.getElementById("network-drawing");
    var element = document.getElementById("network-graph");
    if (!details || !element) {
      return;
    }
    function open() {
      if (!details.open || element.dataset.loaded) {
        return;
      }
      element.dataset.loaded = "loading";
      loadCytoscape(element, function () {
        fetchAndDraw(element);
      });
    }
    details.addEventListener("toggle", open);
    open();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
