// Places the directory's organisations on the map of the region. The server clusters them on a
// grid for the visible area and zoom (karte.json?…&bbox=…&zoom=…), so the map asks again
// whenever it moves; a cluster zooms in when selected. The list beside the map names the same
// organisations, so the map is an overview for those who can see it.
(function () {
  "use strict";

  var REGION_CENTRE = [51.25, 12.4];
  var REGION_ZOOM = 9;
  var MOVE_DELAY = 250;
  var map = null;
  var layer = null;
  var filtersUrl = null; // the filters whose points are shown (without the view)
  var loadedUrl = null; // the last address asked for (with the view)
  var latestRequest = 0;
  var moveTimer = null;

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

  // A circle with the count and, for screen readers, what it is ("3 organisations; …").
  function clusterMarker(element, cluster) {
    var size = cluster.count < 10 ? "small" : cluster.count < 100 ? "medium" : "large";
    var diameter = size === "small" ? 34 : size === "medium" ? 40 : 48;
    var label = cluster.count + " " + element.dataset.labelCluster;
    var inner = document.createElement("span");
    inner.textContent = String(cluster.count);
    var hidden = document.createElement("span");
    hidden.className = "kern-sr-only";
    hidden.textContent = " " + element.dataset.labelCluster;
    inner.appendChild(hidden);
    var marker = L.marker([cluster.lat, cluster.lon], {
      title: label,
      alt: label,
      icon: L.divIcon({
        html: inner,
        className: "marker-cluster tr-map-cluster tr-map-cluster--" + size,
        iconSize: L.point(diameter, diameter),
      }),
    });
    marker.on("click", function () {
      map.setView([cluster.lat, cluster.lon], Math.min(map.getZoom() + 2, map.getMaxZoom()));
    });
    return marker;
  }

  function show(element, data) {
    layer.clearLayers();
    data.clusters.forEach(function (cluster) {
      layer.addLayer(clusterMarker(element, cluster));
    });
    data.points.forEach(function (point) {
      layer.addLayer(
        L.marker([point.lat, point.lon], { title: point.name, alt: point.name }).bindPopup(
          popupContent(point)
        )
      );
    });
    element.dataset.points = String(data.count);
    element.dataset.shown = String(data.shown);
    element.dataset.loaded = "true";
  }

  function viewUrl(base) {
    var bounds = map.getBounds();
    var bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      .map(function (value) {
        return value.toFixed(5);
      })
      .join(",");
    var separator = base.indexOf("?") === -1 ? "?" : "&";
    return base + separator + "bbox=" + bbox + "&zoom=" + map.getZoom();
  }

  // `fit`: the filters changed, so the map first moves to where their organisations are.
  function load(element, fit) {
    var url = viewUrl(filtersUrl);
    if (!fit && url === loadedUrl) {
      return;
    }
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
        // When the map moves or filters change quickly, only the latest answer is drawn.
        if (request !== latestRequest) {
          return;
        }
        if (fit && data.bounds) {
          map.fitBounds(data.bounds, { padding: [30, 30], maxZoom: 13, animate: false });
          if (viewUrl(filtersUrl) !== url) {
            load(element, false);
            return;
          }
        } else if (fit) {
          map.setView(REGION_CENTRE, REGION_ZOOM, { animate: false });
          if (viewUrl(filtersUrl) !== url) {
            load(element, false);
            return;
          }
        }
        show(element, data);
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
    if (!element || !results || typeof L === "undefined") {
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
    layer = L.layerGroup().addTo(map);
    filtersUrl = results.dataset.url;
    map.on("moveend", function () {
      window.clearTimeout(moveTimer);
      moveTimer = window.setTimeout(function () {
        load(element, false);
      }, MOVE_DELAY);
    });
    load(element, true);
  }

  // The filter form replaces the list beside the map; the map follows the list's filters
  // (a page of the list keeps the same filters, so the map stays where it is).
  document.addEventListener("htmx:afterSettle", function () {
    var element = document.getElementById("directory-map");
    var results = document.getElementById("map-results");
    if (map && element && results && results.dataset.url !== filtersUrl) {
      filtersUrl = results.dataset.url;
      load(element, true);
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
