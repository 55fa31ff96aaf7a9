// The map of places: Leaflet, served by the site. Each place is a big marker that a finger,
// a mouse or the keyboard (Tab, then Enter) opens; with no tile server the markers stand on a
// plain background, and the list under the map does everything the map does.
function placeIcon(place) {
  var icon = document.createElement("span");
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = place.icon;
  return L.divIcon({className: "place-pin", html: icon, iconSize: [44, 44], iconAnchor: [22, 22]});
}

function addPlace(map, place) {
  var marker = L.marker([place.lat, place.lng], {icon: placeIcon(place), title: place.name,
                                                 keyboard: true, riseOnHover: true});
  var go = function () { window.location.href = place.url; };
  marker.on("click", go);
  marker.addTo(map);  // the map has its view already, so the marker has its element
  marker.getElement().addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); go(); }
  });
  return marker;
}

document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("map");
  var config = document.getElementById("map-config");
  if (!box || !config) { return; }
  config = JSON.parse(config.textContent);
  if (!window.L || !config.places.length) { box.hidden = true; return; }
  var map = L.map(box, {scrollWheelZoom: false, attributionControl: Boolean(config.tiles)});
  if (config.tiles) {
    map.attributionControl.setPrefix("Leaflet");  // plain words, no link a finger must hit
    L.tileLayer(config.tiles, {attribution: config.attribution, maxZoom: 18,
                               subdomains: "01234567"}).addTo(map);
  }
  var where = config.places.map(function (place) { return [place.lat, place.lng]; });
  map.fitBounds(L.latLngBounds(where), {padding: [40, 40], maxZoom: 15});
  config.places.forEach(function (place) { addPlace(map, place); });
  box.dataset.ready = "1";
});
