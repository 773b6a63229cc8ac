// The feed's map: one circle per town with the number of matching opportunities (counted on
// the server, in the page as JSON); selecting a circle opens the feed filtered to that town.
// The list below names the same opportunities, so the map is an overview for those who see it.
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("opportunity-map");
    var data = document.getElementById("opportunity-map-towns");
    if (!element || !data || typeof L === "undefined") {
      return;
    }
    var fallback = element.querySelector(".tr-map__fallback");
    if (fallback) {
      fallback.remove();
    }
    var map = L.map(element, { scrollWheelZoom: false }).setView([51.25, 12.4], 9);
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, {
        maxZoom: 18,
        attribution: element.dataset.tileAttribution || "",
      }).addTo(map);
    }
    JSON.parse(data.textContent).forEach(function (town) {
      var label = town.name + ": " + town.count + " " + element.dataset.labelCount;
      var inner = document.createElement("span");
      inner.textContent = String(town.count);
      var marker = L.marker([town.lat, town.lon], {
        title: label,
        alt: label,
        icon: L.divIcon({
          html: inner,
          className: "marker-cluster tr-map-cluster tr-map-cluster--small",
          iconSize: L.point(34, 34),
        }),
      });
      marker.on("click", function () {
        window.location.href = town.url;
      });
      marker.addTo(map);
    });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
