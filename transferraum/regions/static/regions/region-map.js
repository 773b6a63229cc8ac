// Draws the programme region with Leaflet. The shapes come from our own GeoJSON endpoint, so
// they show even when no map tiles can be loaded; tiles are only the background.
(function () {
  "use strict";

  function init() {
    var element = document.getElementById("region-map");
    if (!element || typeof L === "undefined") {
      return;
    }
    var fallback = element.querySelector(".tr-map__fallback");
    if (fallback) {
      fallback.remove();
    }
    var map = L.map(element, { scrollWheelZoom: false }).setView([51.2, 12.6], 8);
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, {
        maxZoom: 18,
        attribution: element.dataset.tileAttribution || "",
      }).addTo(map);
    }
    var styles = {
      district: { color: "#004b76", weight: 2, fillColor: "#4f8cc9", fillOpacity: 0.18 },
      context: { color: "#5c5c5c", weight: 1, dashArray: "4 4", fillOpacity: 0.04 },
      partner_town: { color: "#8a1538", weight: 2, fillColor: "#c8375d", fillOpacity: 0.45 },
    };

    fetch(element.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          style: function (feature) {
            return styles[feature.properties.kind] || styles.context;
          },
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, {
              radius: 7,
              color: "#ffffff",
              weight: 2,
              fillColor: "#8a1538",
              fillOpacity: 1,
            });
          },
          onEachFeature: function (feature, featureLayer) {
            var p = feature.properties;
            var label = p.name;
            if (p.kind === "district") {
              label += " – " + element.dataset.labelDistrict;
            } else if (p.kind === "partner_town_point") {
              label += " – " + element.dataset.labelPartner;
            }
            if (p.population) {
              label += " (" + element.dataset.labelPopulation + ": " +
                Number(p.population).toLocaleString(document.documentElement.lang) + ")";
            }
            featureLayer.bindTooltip(label);
            featureLayer.feature.properties.label = label;
          },
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [10, 10] });
        element.dataset.loaded = "true";
      })
      .catch(function () {
        element.dataset.loaded = "error";
      });
  }

  // Leaflet's work (tiles, shapes, SVG) is the page's heaviest; on a phone the map sits below
  // the first screen, so it is drawn only when it comes near the viewport.
  function start() {
    var element = document.getElementById("region-map");
    if (!element) {
      return;
    }
    if (!("IntersectionObserver" in window)) {
      init();
      return;
    }
    var observer = new IntersectionObserver(
      function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          init();
        }
      },
      { rootMargin: "300px" }
    );
    observer.observe(element);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
