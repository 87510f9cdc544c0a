// Wires the folium map to FieldSurvey: offline base layers from the app's own data, the street
// basemap (MapLibre, from the app's own tiles, style and glyphs), the camera layer
// (camera_layer.js), MBTiles and (only when switched on) online tiles, and the one QWebChannel
// object that carries events to Python. User-visible text is only ever set with textContent or
// escaped first.
(function () {
  "use strict";

  const SITE_LABELS = 300;

  function esc(text) {
    const div = document.createElement("div");
    div.textContent = String(text);
    return div.innerHTML;
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  const FSBoot = {
    map: null,
    config: null,
    layers: {},
    control: null,
    online: null,
    tileLayers: {},
    streets: null,
    streetsShown: function () {},  // replaced in start(): the land and communes wait for it

    start: function (map, config) {
      this.map = map;
      this.config = config;
      const self = this;
      map.getContainer().style.background = "#cfe3f3";
      map.attributionControl.setPrefix(false);
      // Land, then the streets, then tiles, boundaries over them, cameras (overlay pane) on top.
      map.createPane("fsLand").style.zIndex = 150;
      map.createPane("fsStreets").style.zIndex = 180;
      map.getPane("fsStreets").style.pointerEvents = "none";
      map.createPane("fsBoundaries").style.zIndex = 350;
      map.getPane("fsBoundaries").style.pointerEvents = "none";
      this.control = L.control.layers({}, {}, { collapsed: true }).addTo(map);
      L.control.scale({ imperial: false }).addTo(map);  // metres and kilometres only
      // Where the map is, told after each move, so the app opens it there next time.
      function tellView() {
        const centre = map.getCenter();
        FS.send({ cmd: "view", lat: centre.lat, lon: centre.lng, zoom: map.getZoom() });
      }
      map.on("moveend", tellView);
      tellView();
      // The land and the communes wait for the streets' first frame (or their failure, or two
      // seconds): built at the same time, they held the first street back by a third of a second
      // on a two-core laptop. The cameras do not wait.
      const streetsShown = new Promise(function (resolve) {
        self.streetsShown = resolve;
        if (!config.streets) resolve();
        setTimeout(resolve, 2000);
      });
      if (config.streets) {
        // First, so the renderer's script is read while the rest of the page gets its data.
        this.loadScripts(config.streets.scripts).then(function () {
          self.addStreets(config.streets);
        }).catch(function (error) {
          console.warn("streets: " + error);
          self.streetsShown();
          FS.send({ cmd: "streets-failed", reason: "script" });
        });
      }

      streetsShown.then(function () {
        return fetchJson(config.provincesUrl);
      }).then(function (data) {
        const land = L.geoJSON(data, {
          pane: "fsLand",
          interactive: false,
          style: { color: "#b9b2a3", weight: 1, fillColor: "#f2efe9", fillOpacity: 1 },
        });
        land.addTo(map);
        self.layers.land = land;
      }).catch(self.fail);

      streetsShown.then(function () {
        return fetchJson(config.communesUrl);
      }).then(function (data) {
        const communes = L.geoJSON(data, {
          pane: "fsBoundaries",
          style: { color: "#6a51a3", weight: 1.2, fill: false },
          interactive: false,
          onEachFeature: function (feature, layer) {
            layer.bindTooltip(esc(feature.properties.name), {
              permanent: true, direction: "center", className: "fs-commune-label",
            });
          },
        });
        communes.addTo(map);
        self.layers.communes = communes;
        self.control.addOverlay(communes, esc(config.labels.communes));
        self.updateLabels();
        map.on("zoomend", function () { self.updateLabels(); });
      }).catch(self.fail);

      // Layers the user switches on are fetched and built only then: the city has tens of
      // thousands of needs and shortcomings, and nobody looks at them all at once.
      this.lazyOverlay(config.districtsUrl, config.labels.districts, function (data) {
        return L.geoJSON(data, {
          pane: "fsBoundaries",
          style: { color: "#b15928", weight: 2, dashArray: "6 4", fill: false },
          interactive: false,
        });
      });
      [["needs", "#e31a1c"], ["shortcomings", "#ff7f00"]].forEach(function (pair) {
        self.lazyOverlay(config[pair[0] + "Url"], config.labels[pair[0]], function (data) {
          return L.geoJSON(data, {
            pointToLayer: function (feature, latlng) {
              return L.circleMarker(latlng, {
                radius: 5, color: pair[1], weight: 2, fillOpacity: 0.3,
              });
            },
            onEachFeature: function (feature, layer) {
              layer.on("click", function () {
                FS.send({ cmd: "record", table: pair[0], id: String(feature.properties.id) });
              });
            },
          });
        }, pair[0]);
      });

      // The city plan: proposed (dashed) and accepted items coloured by decision, new cameras
      // with their cones. Read again each time it is shown and after office changes.
      const planColours = {
        reuse: "#1a9850", connect: "#2c7bb6", upgrade: "#f46d43", new: "#7b3294",
      };
      this.lazyOverlay(config.planUrl, config.labels.plan, function (data) {
        return L.geoJSON(data, {
          style: function (feature) {
            const colour = planColours[feature.properties.code] || "#333333";
            return {
              color: colour, weight: 1, fillColor: colour, fillOpacity: 0.2,
              dashArray: feature.properties.state === "proposed" ? "4 3" : null,
            };
          },
          pointToLayer: function (feature, latlng) {
            const colour = planColours[feature.properties.code] || "#333333";
            return L.circleMarker(latlng, {
              radius: 6, color: colour, weight: 3, fillColor: "#ffffff", fillOpacity: 0.9,
              dashArray: feature.properties.state === "proposed" ? "3 2" : null,
            });
          },
          interactive: false,
        });
      }, "plan", true);

      this.sitesLayer(config.sitesUrl, config.labels.sites);

      // A request the page's policy stops never reaches Python's interceptor: report it too.
      document.addEventListener("securitypolicyviolation", function (event) {
        FS.send({ cmd: "blocked", url: String(event.blockedURI || "") });
      });
      this.addLabelStyle(config.fontUrl);
      this.addSeaLabels(config.seaLabels || []);
      FS.init(map);
      FS.setLegend(config.legend);
      this.connect();
      FS.loadCameras(config.camerasUrl);
    },

    // The sites: a white disc in a thick violet ring (cameras are filled dots), from zoom 14,
    // named from zoom 16 (the names of at most SITE_LABELS sites in view, as text, never as
    // HTML). Only the sites in and around the view are on the map, each marker and name made
    // the first time it is needed and kept: a name is a plain positioned box (no tooltip, whose
    // placing measures the page once per name: 300 names made again at every move took a zoom
    // over the city's old quarter to 1 s, against 0.05–0.09 s without them).
    sitesLayer: function (url, label) {
      // A name placed by its left and top, not by a 3D transform as Leaflet places markers: a
      // 3D-transformed element is a layer of its own, painted into its own 256-pixel tiles, and
      // 300 names held 80–130 MB of the page's memory over the city's old quarter.
      const FlatMarker = L.Marker.extend({
        _setPos: function (pos) {
          this._icon.style.left = pos.x + "px";
          this._icon.style.top = pos.y + "px";
          this._zIndex = pos.y + this.options.zIndexOffset;
          this._resetZIndex();
        },
      });
      const self = this;
      const map = this.map;
      // Sites from zoom 14: below it the city's cameras say more than hundreds of rings.
      const pane = map.createPane("fsSites");
      pane.style.zIndex = 390;
      const renderer = L.canvas({ padding: 0.2, pane: "fsSites" });
      const group = L.layerGroup().addTo(map);
      const names = L.layerGroup().addTo(map);
      let features = [];
      const markers = [];
      const nameMarkers = [];
      this.layers.sites = group;
      this.layers.siteNames = names;
      this.control.addOverlay(group, esc(label));
      function marker(i) {
        if (!markers[i]) {
          const feature = features[i];
          const c = feature.geometry.coordinates;
          const made = L.circleMarker([c[1], c[0]], {
            renderer: renderer, radius: 6, color: "#5b2a86", weight: 3,
            fillColor: "#ffffff", fillOpacity: 1,
          });
          made.feature = feature;
          made.fsIndex = i;
          made.on("click", function () {
            FS.send({ cmd: "record", table: "sites", id: String(feature.properties.id) });
          });
          markers[i] = made;
        }
        return markers[i];
      }
      function nameMarker(i) {
        if (!nameMarkers[i]) {
          const c = features[i].geometry.coordinates;
          const made = new FlatMarker([c[1], c[0]], {
            icon: L.divIcon({
              className: "fs-site-label", html: esc(features[i].properties.name),
              iconSize: null, iconAnchor: [-10, 8],
            }),
            interactive: false, keyboard: false,
          });
          made.fsIndex = i;
          nameMarkers[i] = made;
        }
        return nameMarkers[i];
      }
      // Show exactly the markers of ``wanted`` (indexes) in ``layer``.
      function keep(layer, wanted, make) {
        layer.eachLayer(function (m) { if (!wanted.has(m.fsIndex)) layer.removeLayer(m); });
        wanted.forEach(function (i) {
          const m = make(i);
          if (!layer.hasLayer(m)) layer.addLayer(m);
        });
      }
      function inside(bounds, limit) {
        const south = bounds.getSouth(), north = bounds.getNorth();
        const west = bounds.getWest(), east = bounds.getEast();
        const found = new Set();
        for (let i = 0; i < features.length && found.size < limit; i++) {
          const c = features[i].geometry.coordinates;
          if (c[1] >= south && c[1] <= north && c[0] >= west && c[0] <= east) found.add(i);
        }
        return found;
      }
      function update() {
        const zoom = map.getZoom();
        pane.style.display = zoom < 14 ? "none" : "";
        const on = map.hasLayer(group);
        keep(group, on && zoom >= 14 ? inside(map.getBounds().pad(0.2), Infinity) : new Set(),
          marker);
        keep(names, on && zoom >= 16 ? inside(map.getBounds(), SITE_LABELS) : new Set(),
          nameMarker);
      }
      fetchJson(url).then(function (data) {
        features = (data.features || []).filter(function (f) {
          const c = f && f.geometry && f.geometry.coordinates;
          return Array.isArray(c) && isFinite(c[0]) && isFinite(c[1]);
        });
        update();
      }).catch(function (error) { self.fail(error); });
      map.on("moveend zoomend overlayadd overlayremove", update);
      update();
    },

    // An overlay read when first shown; ``fresh``: read again each time it is shown, and by
    // refreshOverlay(key) while it is.
    lazyOverlay: function (url, label, build, key, fresh) {
      const self = this;
      const group = L.layerGroup();
      let state = "empty";
      group.reload = function () {
        if (state === "loading") return;
        state = "loading";
        // A fresh overlay asks past the browser's cache (the app answers by path alone).
        fetchJson(fresh ? url + "?read=" + Date.now() : url).then(function (data) {
          group.clearLayers();
          build(data).addTo(group);
          state = "loaded";
        }).catch(function (error) { state = "empty"; self.fail(error); });
      };
      group.on("add", function () {
        if (state === "empty" || (fresh && state === "loaded")) group.reload();
      });
      if (key) this.layers[key] = group;
      this.control.addOverlay(group, esc(label));
      return group;
    },

    refreshOverlay: function (key) {
      const group = this.layers[key];
      if (group && this.map.hasLayer(group)) group.reload();
    },

    loadScripts: function (urls) {
      // In order: the Leaflet binding needs the renderer's global.
      return urls.reduce(function (chain, url) {
        return chain.then(function () {
          return new Promise(function (resolve, reject) {
            const script = document.createElement("script");
            script.src = url;
            script.onload = resolve;
            script.onerror = function () { reject(new Error(url)); };
            document.head.appendChild(script);
          });
        });
      }, Promise.resolve());
    },

    webglAvailable: function () {
      try {
        const canvas = document.createElement("canvas");
        return !!(canvas.getContext("webgl2") || canvas.getContext("webgl"));
      } catch (error) {
        return false;
      }
    },

    // spec: {styleUrl, workerUrl, scripts}. The style, tiles and glyphs all come from the app.
    addStreets: function (spec) {
      const self = this;
      if (!window.maplibregl || !L.maplibreGL) {
        this.streetsShown();
        FS.send({ cmd: "streets-failed", reason: "script" });
        return;
      }
      if (!this.webglAvailable()) {
        this.streetsShown();
        FS.send({ cmd: "streets-failed", reason: "webgl" });
        return;
      }
      maplibregl.setWorkerUrl(spec.workerUrl);
      const layer = L.maplibreGL({
        style: spec.styleUrl,
        pane: "fsStreets",
        interactive: false,
        fadeDuration: 0,
        localIdeographFontFamily: false,  // every letter from the app's glyphs, none from the system
        refreshExpiredTiles: false,
        validateStyle: false,  // the app's own style, checked by its tests
      });
      layer.on("add", function () {
        const gl = layer.getMaplibreMap();
        gl.on("error", function (event) {
          console.warn("streets: " + String(event && event.error && event.error.message || event));
        });
      });
      layer.addTo(this.map);
      this.streets = layer;
      this.control.addOverlay(layer, esc(this.config.labels.streets));
      // Times since the page started: the first frame with any street drawn, and the first
      // moment everything in view is drawn (names included). The names (a second source of the
      // same tiles, hidden in the style as served) are shown from that first frame, or from the
      // first idle moment when nothing in view has streets.
      const gl = layer.getMaplibreMap();
      let first = null;
      const report = function () {
        const now = performance.now();
        FS.send({
          cmd: "streets", tiles: self.streetTiles(), ms: now, first: first === null ? now : first,
        });
      };
      const showNames = function (event) {
        gl.off("render", painted);
        gl.off("idle", showNames);
        let shown = 0;
        gl.getStyle().layers.forEach(function (styleLayer) {
          if (styleLayer.metadata && styleLayer.metadata["fieldsurvey:after-first-paint"]) {
            gl.setLayoutProperty(styleLayer.id, "visibility", "visible");
            shown += 1;
          }
        });
        self.streetsShown();
        if (event.type === "idle" && !shown) {
          report();  // nothing more to draw
        } else {
          // Not this frame's idle: the names are not asked for yet.
          setTimeout(function () { gl.once("idle", report); }, 0);
        }
      };
      const painted = function (event) {
        if (self.streetTiles() > 0) {
          first = performance.now();
          showNames(event);
        }
      };
      gl.on("render", painted);
      gl.on("idle", showNames);
    },

    streetMap: function () {
      return this.streets && this.map.hasLayer(this.streets) ? this.streets.getMaplibreMap() : null;
    },

    // How many of the file's tiles the street layer draws now (over-zoomed ones counted once).
    streetTiles: function () {
      const gl = this.streetMap();
      if (!gl || !gl.style) return 0;
      const managers = gl.style.tileManagers || gl.style.sourceCaches || {};
      const manager = managers.openmaptiles;
      if (!manager) return 0;
      const seen = {};
      manager.getVisibleCoordinates().forEach(function (id) {
        const c = id.canonical;
        seen[c.z + "/" + c.x + "/" + c.y] = true;
      });
      return Object.keys(seen).length;
    },

    // For tests and the benchmark: is the street layer done drawing, and at which zoom.
    streetsState: function () {
      const gl = this.streetMap();
      if (!gl) return JSON.stringify({ present: false });
      return JSON.stringify({
        present: true,
        loaded: gl.loaded(),
        tilesLoaded: gl.areTilesLoaded(),
        zoom: gl.getZoom(),
        tiles: this.streetTiles(),
      });
    },

    // What the street layer draws near a point of the map (container pixels): its style layer
    // and name, for tests. No layers given: every layer.
    streetFeatures: function (x, y, radius, layers) {
      const gl = this.streetMap();
      if (!gl) return "[]";
      // The GL canvas is larger than the map by the binding's padding on each side.
      const pad = this.streets.options.padding;
      const size = this.map.getSize();
      const px = x + size.x * pad;
      const py = y + size.y * pad;
      const box = [[px - radius, py - radius], [px + radius, py + radius]];
      const found = gl.queryRenderedFeatures(box, layers && layers.length ? { layers: layers } : {});
      return JSON.stringify(found.map(function (f) {
        return { layer: f.layer.id, name: f.properties["name:latin"] || f.properties.name || null };
      }));
    },

    addSeaLabels: function (labels) {
      const map = this.map;
      const group = L.layerGroup();
      labels.forEach(function (label) {
        group.addLayer(L.tooltip({
          permanent: true, direction: "center", className: "fs-sea-label", interactive: false,
        }).setLatLng([label.lat, label.lon]).setContent(esc(label.text)));
      });
      const update = function () {
        if (map.getZoom() <= 9) group.addTo(map); else map.removeLayer(group);
      };
      map.on("zoomend", update);
      update();
      this.layers.seaLabels = group;
    },

    addLabelStyle: function (fontUrl) {
      const style = document.createElement("style");
      // The page's own labels in the app's DejaVu Sans: every Vietnamese letter, on any system.
      const face = fontUrl
        ? "@font-face{font-family:'FS DejaVu Sans';src:url('" + encodeURI(fontUrl) + "')}"
        : "";
      style.textContent = face +
        ".fs-commune-label{background:transparent;border:none;box-shadow:none;" +
        "color:#4a3a7a;font:11px 'FS DejaVu Sans',sans-serif;" +
        "text-shadow:0 0 2px #fff,0 0 2px #fff}" +
        ".fs-commune-label::before{display:none}" +
        ".fs-sea-label{background:transparent;border:none;box-shadow:none;color:#3d6f99;" +
        "font:italic 13px 'FS DejaVu Sans',sans-serif;text-shadow:0 0 3px #fff}" +
        ".fs-sea-label::before{display:none}" +
        ".fs-site-label{background:rgba(255,255,255,.85);border:1px solid #5b2a86;" +
        "color:#3b1a5a;font:bold 11px 'FS DejaVu Sans',sans-serif;padding:0 3px;" +
        "box-shadow:none;white-space:nowrap;width:auto!important;height:auto!important}" +
        ".fs-site-label::before{display:none}" +
        ".fs-place button{margin:4px 4px 0 0;font:12px 'FS DejaVu Sans',sans-serif}" +
        ".fs-info{background:#fff;padding:4px 8px;border-radius:4px;font:13px sans-serif;" +
        "box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:320px}";
      document.head.appendChild(style);
    },

    updateLabels: function () {
      const show = this.map.getZoom() >= 13;
      if (!this.layers.communes) return;
      this.layers.communes.eachLayer(function (layer) {
        if (show) layer.openTooltip(); else layer.closeTooltip();
      });
    },

    connect: function () {
      if (!(window.qt && window.qt.webChannelTransport && window.QWebChannel)) return;
      new QWebChannel(window.qt.webChannelTransport, function (channel) {
        window.fsBridge = channel.objects.bridge;
        const waiting = FS.outbox.splice(0, FS.outbox.length);
        waiting.forEach(function (message) {
          window.fsBridge.command(JSON.stringify(message), function () {});
        });
      });
    },

    fail: function (error) {
      FS.send({ cmd: "error", message: String(error && error.message || error) });
    },

    // spec: {id, url, minZoom, maxZoom, bounds: [w, s, e, n] | null, attribution, name}
    addTiles: function (spec) {
      const options = {
        minZoom: 5, maxZoom: 20, minNativeZoom: spec.minZoom, maxNativeZoom: spec.maxZoom,
        attribution: esc(spec.attribution || ""),
      };
      if (spec.bounds) {
        options.bounds = L.latLngBounds([spec.bounds[1], spec.bounds[0]],
                                        [spec.bounds[3], spec.bounds[2]]);
      }
      const layer = L.tileLayer(spec.url, options);
      layer.on("tileerror", function () { FSBoot.fail("tile " + spec.name); });
      this.tileLayers[spec.id] = layer;
      layer.addTo(this.map);
      this.control.addOverlay(layer, esc(spec.name));
      return JSON.stringify({ ok: true });
    },

    setOnline: function (on, attribution) {
      if (on && !this.online) {
        this.online = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
          maxZoom: 19, attribution: esc(attribution),
        }).addTo(this.map);
        this.online.bringToBack();
      } else if (!on && this.online) {
        this.map.removeLayer(this.online);
        this.online = null;
      }
      return on;
    },

    showInfo: function (text) {
      if (!this.info) {
        const Info = L.Control.extend({
          onAdd: function () {
            const div = L.DomUtil.create("div", "fs-info");
            L.DomEvent.disableClickPropagation(div);
            return div;
          },
        });
        this.info = new Info({ position: "topleft" }).addTo(this.map);
      }
      const box = this.info.getContainer();
      box.textContent = text || "";
      box.style.display = text ? "block" : "none";
      return true;
    },

    // The laptop's own position: a dot in the accuracy circle (metres; 0 when not known).
    showPosition: function (lat, lon, accuracy, centre) {
      const at = [lat, lon];
      if (!this.position) {
        this.position = {
          circle: L.circle(at, {
            radius: 1, color: "#1a73e8", weight: 1, fillColor: "#1a73e8", fillOpacity: 0.12,
            interactive: false,
          }).addTo(this.map),
          dot: L.circleMarker(at, {
            radius: 7, color: "#ffffff", weight: 2, fillColor: "#1a73e8", fillOpacity: 1,
            interactive: false,
          }).addTo(this.map),
        };
      }
      this.position.circle.setLatLng(at).setRadius(Math.max(accuracy || 0, 1));
      this.position.dot.setLatLng(at);
      if (centre) this.flyTo(lat, lon, 17);
      return true;
    },

    hidePosition: function () {
      if (this.position) {
        this.map.removeLayer(this.position.circle);
        this.map.removeLayer(this.position.dot);
        this.position = null;
      }
      return true;
    },

    setView: function (lat, lon, zoom) {
      this.map.setView([lat, lon], zoom, { animate: false });
      return true;
    },

    flyTo: function (lat, lon, zoom) {
      this.map.setView([lat, lon], Math.max(this.map.getZoom(), zoom), { animate: false });
      return true;
    },
  };

  window.FSBoot = FSBoot;
})();
