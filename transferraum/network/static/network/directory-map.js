// Places the directory's organisations on the map of the region, clustered where they crowd.
// The points come from our JSON endpoint with the filters of the page; the list beside the map
// names the same organisations, so the map is an overview for those who can see it.
(function () {
  "use strict";

  var REGION_CENTRE = [51.25, 12.4];
  var REGION_ZOOM = 9;
  var map = null;
  var cluster = null;
  var loadedUrl = null;
  var latestRequest = 0;

  function popupContent(point) {
    var wrapper = document.createElement("div");
    var link = document.createElement("a");
    link.className = "kern-link";
    link.href = point.url;
    link.textContent = point.name;
    wrapper.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "kern-body kern-body--small";
    meta.textContent = point.kind_label + (point.town ? " · " + point.town : "");
    wrapper.appendChild(meta);
    return wrapper;
  }

  // Like the plugin's own icon, plus a name for screen readers ("3 organisations").
  function clusterIcon(element) {
    return function (group) {
      var count = group.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var outer = document.createElement("div");
      var inner = document.createElement("span");
      inner.textContent = String(count);
      var label = document.createElement("span");
      label.className = "kern-sr-only";
      label.textContent = " " + element.dataset.labelCluster;
      inner.appendChild(label);
      outer.appendChild(inner);
      return L.divIcon({
        html: outer,
        className: "marker-cluster marker-cluster-" + size,
        iconSize: L.point(40, 40),
      });
    };
  }

  function show(element, points) {
    cluster.clearLayers();
    cluster.addLayers(
      points.map(function (point) {
        return L.marker([point.lat, point.lon], { title: point.name, alt: point.name }).bindPopup(
          popupContent(point)
        );
      })
    );
    if (points.length) {
      map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 13 });
    } else {
      map.setView(REGION_CENTRE, REGION_ZOOM);
    }
    element.dataset.points = String(points.length);
    element.dataset.loaded = "true";
  }

  function load(element, url) {
    var request = ++latestRequest;
    loadedUrl = url;
    element.dataset.loaded = "loading";
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        // When filters change quickly, only the answer to the latest request is drawn.
        if (request === latestRequest) {
          show(element, data.points);
        }
      })
      .catch(function () {
        if (request === latestRequest) {
          element.dataset.loaded = "error";
        }
      });
  }

  function init() {
    var element = document.getElementById("directory-map");
    var results = document.getElementById("map-results");
    if (!element || !results || typeof L === "undefined" || !L.markerClusterGroup) {
      return;
    }
    var fallback = element.querySelector(".tr-map__fallback");
    if (fallback) {
      fallback.remove();
    }
    L.Icon.Default.imagePath = element.dataset.iconPath;
    map = L.map(element, { scrollWheelZoom: false }).setView(REGION_CENTRE, REGION_ZOOM);
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, {
        maxZoom: 18,
        attribution: element.dataset.tileAttribution || "",
      }).addTo(map);
    }
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: clusterIcon(element),
    });
    map.addLayer(cluster);
    load(element, results.dataset.url);
  }

  // The filter form replaces the list beside the map; the map follows the list's filters.
  document.addEventListener("htmx:afterSettle", function () {
    var element = document.getElementById("directory-map");
    var results = document.getElementById("map-results");
    if (map && element && results && results.dataset.url !== loadedUrl) {
      load(element, results.dataset.url);
    }
  });
  // A copy of a drawn map cannot come back to life (and its inline styles break the
  // Content-Security-Policy): the map keeps out of htmx's history cache (hx-history="false"
  // in map.html), and going back or forward loads the page afresh.
  if (window.htmx) {
    window.htmx.config.refreshOnHistoryMiss = true;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
