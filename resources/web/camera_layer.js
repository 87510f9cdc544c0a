/*
 * FieldSurvey camera layer: draws up to a few hundred thousand cameras on one canvas.
 *
 * Plain ES2017, no build step, no dependency but Leaflet (loaded before this file).
 * Everything is reached through one global object, window.FS:
 *
 *   FS.init(map?)                 attach to a Leaflet map (default: FS.findMap()); idempotent.
 *                                 Also done automatically on DOMContentLoaded if a map exists.
 *   FS.findMap()                  the first L.Map found on window (folium names it map_<hex>)
 *   FS.loadCameras(url)           fetch the FSC1 binary (below), draw, then send "ready"
 *   FS.setLegend(obj)             {"condition": [{"label", "colour"}...], "purpose": [...],
 *                                  optional "titles": {"condition": "...", "purpose": "..."},
 *                                  optional "unknown": {"label": "...", "colour": "#rrggbb"}}
 *                                 obj may also be a JSON string. Labels are set with textContent.
 *   FS.setColourMode(mode)        'condition' | 'purpose'
 *   FS.setMask(url) / FS.clearMask()   N bytes, 1 = shown (the list's filter)
 *   FS.select(index)              ring around that camera; -1 for none
 *   FS.centerOn(index, zoom?)     centre the map on a camera
 *   FS.setMode(mode)              'select' | 'place' | 'direction' (leaving 'place' removes its
 *                                 marker)
 *   FS.putPlaceMarker(latlng)     put the draggable marker of 'place' mode (as a click does)
 *   FS.confirmPlace()             what the marker's "save" button does
 *   FS.setConeLength(metres)      default 35
 *   FS.updateCamera(index, obj)   change one camera in place: any of lon, lat, condition,
 *                                 purpose, views [[direction, angle], ...]; redraws
 *   FS.hitTest(x, y)              index of the nearest shown camera within 8 px of the container
 *                                 point (x, y), or -1
 *   FS.pointOf(index)             JSON string {"x","y"} (container point) or "null"
 *   FS.stats()                    JSON string {"drawn","total","zoom","lastDrawMs","views",
 *                                 "renderer","mode","colourMode","selected","mask"}; drawn counts
 *                                 the canvas, which is the view plus 25 % on each side; lastDrawMs is
 *                                 the JavaScript time of the last redraw (Chromium rasterises
 *                                 the canvas a little later), mask = number shown or null
 *   FS.benchmark(repeats?)        JSON string {"drawn","medianMs","maxMs","renderer"}: full
 *                                 redraws including rasterisation (forced by a 1-pixel read)
 *   FS.redraw()                   force a full redraw
 *   FS.send(obj)                  message to Python (window.fsBridge.command) or FS.outbox
 *
 * Functions meant for runJavaScript return only primitives or JSON strings. loadCameras and
 * setMask return nothing: they report through messages ("ready" / "error"). A new
 * loadCameras keeps the selection and the mask when they still fit the new camera count.
 * View cones (direction +- angle/2, 35 m long by default) are drawn from zoom 16 up;
 * in 'direction' mode with a selected camera, map dragging is off and a mouse drag reports
 * the bearing from that camera to the mouse.
 *
 * Messages sent: {"cmd":"ready","drawn":n,"ms":t} (t: loadCameras call to rasterised first
 * draw, fetch and parse included), {"cmd":"click","index":i} (-1: empty spot in
 * select mode), {"cmd":"place","lat":..,"lon":..} (the marker's position, confirmed),
 * {"cmd":"place_zoom","zoom":z} (a click in place mode below zoom 17), {"cmd":"place_cancel"},
 * {"cmd":"direction","index":i,"bearing":b,
 * "final":bool}, {"cmd":"error","message":"..."}.
 *
 * FSC1 binary, little-endian: "FSC1", uint32 N, uint32 V, float32 lon[N], float32 lat[N],
 * uint8 condition[N], uint8 purpose[N], uint8 viewCount[N], zero padding to a multiple of 4,
 * float32 views[2V] = (direction degrees clockwise from north, field-of-view degrees) per view,
 * cameras in order. Code 255 = unknown.
 */
(function () {
  'use strict';

  if (window.FS && window.FS._version) {
    return; // loaded twice: keep the first instance and its state
  }
  if (typeof L === 'undefined') {
    throw new Error('camera_layer.js needs Leaflet to be loaded first');
  }

  const FS = {};
  window.FS = FS;
  FS._version = 1;
  FS.outbox = [];

  const D2R = Math.PI / 180;
  const EARTH_CIRCUMFERENCE = 40075016.68557849; // 2 * pi * 6378137, as Leaflet's EPSG:3857
  const MAX_LAT = 85.0511287798;
  const CELL = 16; // hit-test grid cell, px
  const HIT_RADIUS = 8; // px
  const UNKNOWN = 255;
  const PIXEL_PATH_MIN = 40000; // above this many visible points, write pixels instead of paths

  const st = {
    map: null,
    layer: null,
    legendControl: null,
    // data
    n: 0,
    v: 0,
    lon: new Float32Array(0),
    lat: new Float32Array(0),
    cond: new Uint8Array(0),
    purp: new Uint8Array(0),
    vcount: new Uint8Array(0),
    vstart: new Uint32Array(1),
    views: new Float32Array(0),
    mx: new Float64Array(0), // normalised Web Mercator, 0..1, x to the east
    my: new Float64Array(0), // 0..1, y to the south
    mask: null,
    maskShown: 0,
    // scratch, sized to n
    visIdx: new Int32Array(0),
    visX: new Float32Array(0),
    visY: new Float32Array(0),
    // settings
    selected: -1,
    mode: 'select',
    colourMode: 'condition',
    legend: { condition: [], purpose: [] },
    titles: {},
    unknown: { label: '', colour: '#9e9e9e' },
    coneMetres: 35,
    coneMinZoom: 16,
    // timing / stats
    loadSeq: 0,
    pendingReady: null,
    drawn: 0,
    lastDrawMs: 0,
    lastRenderer: '',
    // hit grid (canvas-local coordinates)
    grid: null,
    // direction drag
    drag: null,
  };

  // ------------------------------------------------------------------ messaging

  FS.send = function (obj, callback) {
    const text = JSON.stringify(obj);
    const bridge = window.fsBridge;
    if (bridge && typeof bridge.command === 'function') {
      try {
        bridge.command(text, callback || function () {});
        return;
      } catch (e) {
        // fall through to the outbox so the message is not lost
      }
    }
    FS.outbox.push(obj);
  };

  function reportError(message) {
    FS.send({ cmd: 'error', message: String(message) });
  }

  // ------------------------------------------------------------------ colours

  function parseColour(text, fallback) {
    const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(typeof text === 'string' ? text.trim() : '');
    if (!m) {
      return fallback;
    }
    let hex = m[1];
    if (hex.length === 3) {
      hex = hex[0] + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
    }
    return '#' + hex.toLowerCase();
  }

  function colourToPixel(css) {
    const v = parseInt(css.slice(1), 16);
    const r = (v >> 16) & 255;
    const g = (v >> 8) & 255;
    const b = v & 255;
    return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0; // RGBA bytes, little-endian
  }

  // palette for the current mode: css[code], pixel[code] for code 0..255
  function palette() {
    const table = st.legend[st.colourMode] || [];
    const unknown = parseColour(st.unknown.colour, '#9e9e9e');
    const css = new Array(256);
    const pixel = new Uint32Array(256);
    for (let c = 0; c < 256; c++) {
      const entry = c === UNKNOWN ? null : table[c];
      css[c] = entry ? parseColour(entry.colour, unknown) : unknown;
      pixel[c] = colourToPixel(css[c]);
    }
    return { css: css, pixel: pixel };
  }

  function codes() {
    return st.colourMode === 'purpose' ? st.purp : st.cond;
  }

  // ------------------------------------------------------------------ data

  function mercX(lon) {
    return (lon + 180) / 360;
  }

  function mercY(lat) {
    const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
    const s = Math.sin(clamped * D2R);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }

  function parseCameras(buffer) {
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < 12) {
      throw new Error('camera data too short');
    }
    const head = new Uint8Array(buffer, 0, 4);
    if (String.fromCharCode(head[0], head[1], head[2], head[3]) !== 'FSC1') {
      throw new Error('camera data: bad magic (expected FSC1)');
    }
    const dv = new DataView(buffer);
    const n = dv.getUint32(4, true);
    const v = dv.getUint32(8, true);
    let off = 12;
    const bytesAfterFloats = 12 + 8 * n;
    const padded = Math.ceil((bytesAfterFloats + 3 * n) / 4) * 4;
    const expected = padded + 8 * v;
    if (buffer.byteLength < expected) {
      throw new Error('camera data truncated: ' + buffer.byteLength + ' bytes, expected ' + expected);
    }
    // Float32Array views need 4-byte alignment: offsets 12 and padded are multiples of 4.
    const lon = new Float32Array(buffer, off, n);
    off += 4 * n;
    const lat = new Float32Array(buffer, off, n);
    off += 4 * n;
    const cond = new Uint8Array(buffer, off, n);
    off += n;
    const purp = new Uint8Array(buffer, off, n);
    off += n;
    const vcount = new Uint8Array(buffer, off, n);
    const views = new Float32Array(buffer, padded, 2 * v);

    const vstart = new Uint32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      vstart[i] = total;
      total += vcount[i];
    }
    vstart[n] = total;
    if (total !== v) {
      throw new Error('camera data: view counts add up to ' + total + ', header says ' + v);
    }
    const mx = new Float64Array(n);
    const my = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = lon[i];
      const y = lat[i];
      if (x === x && y === y && x >= -180 && x <= 180 && y >= -90 && y <= 90) {
        mx[i] = mercX(x);
        my[i] = mercY(y);
      } else {
        mx[i] = NaN; // never drawn, never hit
        my[i] = NaN;
      }
    }
    return { n: n, v: v, lon: lon, lat: lat, cond: cond, purp: purp, vcount: vcount, vstart: vstart,
      views: views, mx: mx, my: my };
  }

  function installCameras(data) {
    Object.assign(st, data);
    st.visIdx = new Int32Array(data.n);
    st.visX = new Float32Array(data.n);
    st.visY = new Float32Array(data.n);
    if (st.mask && st.mask.length !== data.n) {
      st.mask = null;
      reportError('filter mask cleared: camera count changed');
    }
    if (st.selected >= data.n) {
      st.selected = -1;
    }
  }

  function fetchBuffer(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status + ' for ' + url);
      }
      return response.arrayBuffer();
    });
  }

  let loading = Promise.resolve();

  FS.loadCameras = function (url) {
    const t0 = performance.now();
    const seq = ++st.loadSeq;
    loading = fetchBuffer(url)
      .then(function (buffer) {
        if (seq !== st.loadSeq) {
          return; // a newer load superseded this one
        }
        FS._loadBuffer(buffer, t0);
      })
      .catch(function (err) {
        reportError('loading cameras failed: ' + (err && err.message ? err.message : err));
      });
    return undefined;
  };

  // For tests and for callers that already hold the bytes.
  FS._loadBuffer = function (buffer, t0) {
    installCameras(parseCameras(buffer));
    st.pendingReady = { t0: typeof t0 === 'number' ? t0 : performance.now() };
    if (st.layer) {
      redrawNow(true);
    }
  };

  FS.setMask = function (url) {
    const seq = st.loadSeq;
    const after = loading;
    loading = after
      .then(function () {
        return fetchBuffer(url);
      })
      .then(function (buffer) {
        const mask = new Uint8Array(buffer);
        if (seq !== st.loadSeq && st.n !== mask.length) {
          return;
        }
        if (mask.length !== st.n) {
          throw new Error('mask has ' + mask.length + ' bytes for ' + st.n + ' cameras');
        }
        setMaskArray(mask);
      })
      .catch(function (err) {
        reportError('loading filter mask failed: ' + (err && err.message ? err.message : err));
      });
    return undefined;
  };

  function setMaskArray(mask) {
    let shown = 0;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i]) {
        shown++;
      }
    }
    st.mask = mask;
    st.maskShown = shown;
    redrawNow(true);
  }
  FS._setMaskArray = setMaskArray;

  FS.clearMask = function () {
    st.mask = null;
    st.maskShown = 0;
    redrawNow(true);
  };

  FS.updateCamera = function (index, obj) {
    try {
      if (typeof obj === 'string') {
        obj = JSON.parse(obj);
      }
      index = index | 0;
      if (index < 0 || index >= st.n || !obj) {
        return false;
      }
      if (obj.lon !== undefined || obj.lat !== undefined) {
        if (obj.lon !== undefined) {
          st.lon[index] = +obj.lon;
        }
        if (obj.lat !== undefined) {
          st.lat[index] = +obj.lat;
        }
        st.mx[index] = mercX(st.lon[index]);
        st.my[index] = mercY(st.lat[index]);
      }
      if (obj.condition !== undefined) {
        st.cond[index] = obj.condition === null ? UNKNOWN : obj.condition;
      }
      if (obj.purpose !== undefined) {
        st.purp[index] = obj.purpose === null ? UNKNOWN : obj.purpose;
      }
      if (Array.isArray(obj.views)) {
        const list = obj.views.slice(0, 255);
        const oldCount = st.vcount[index];
        const start = st.vstart[index];
        const v = st.v - oldCount + list.length;
        const views = new Float32Array(2 * v);
        views.set(st.views.subarray(0, 2 * start), 0);
        for (let k = 0; k < list.length; k++) {
          views[2 * (start + k)] = +list[k][0];
          views[2 * (start + k) + 1] = +list[k][1];
        }
        views.set(st.views.subarray(2 * (start + oldCount)), 2 * (start + list.length));
        const vcount = new Uint8Array(st.vcount);
        vcount[index] = list.length;
        const vstart = new Uint32Array(st.n + 1);
        let total = 0;
        for (let i = 0; i < st.n; i++) {
          vstart[i] = total;
          total += vcount[i];
        }
        vstart[st.n] = total;
        st.views = views;
        st.vcount = vcount;
        st.vstart = vstart;
        st.v = v;
      }
      redrawNow(true);
      return true;
    } catch (err) {
      reportError('updateCamera failed: ' + err.message);
      return false;
    }
  };

  // ------------------------------------------------------------------ the layer

  const CameraLayer = L.Layer.extend({
    options: { pane: 'overlayPane', padding: 0.25 },

    onAdd: function (map) {
      if (!this._canvas) {
        this._canvas = L.DomUtil.create('canvas', 'fs-camera-layer');
        this._canvas.style.pointerEvents = 'none';
        if (map._zoomAnimated) {
          L.DomUtil.addClass(this._canvas, 'leaflet-zoom-animated');
        }
        this._ctx = this._canvas.getContext('2d');
      }
      this.getPane().appendChild(this._canvas);
      this._drawKey = '';
      this.draw(true);
    },

    onRemove: function () {
      L.DomUtil.remove(this._canvas);
    },

    getEvents: function () {
      const events = {
        viewreset: this._onReset,
        zoom: this._onZoom,
        zoomend: this._onViewChange,
        moveend: this._onViewChange,
        resize: this._onViewChange,
      };
      if (this._map._zoomAnimated) {
        events.zoomanim = this._onAnimZoom;
      }
      return events;
    },

    _onViewChange: function () {
      this.draw(false);
    },

    _onReset: function () {
      this.draw(true);
    },

    _onAnimZoom: function (ev) {
      this._updateTransform(ev.center, ev.zoom);
    },

    _onZoom: function () {
      this._updateTransform(this._map.getCenter(), this._map.getZoom());
    },

    // same CSS transform as Leaflet's own renderers while a zoom animates
    _updateTransform: function (center, zoom) {
      if (!this._center) {
        return;
      }
      const map = this._map;
      const scale = map.getZoomScale(zoom, this._zoom);
      const viewHalf = map.getSize().multiplyBy(0.5 + this.options.padding);
      const currentCenterPoint = map.project(this._center, zoom);
      const topLeftOffset = viewHalf.multiplyBy(-scale).add(currentCenterPoint)
        .subtract(map._getNewPixelOrigin(center, zoom));
      if (L.Browser.any3d) {
        L.DomUtil.setTransform(this._canvas, topLeftOffset, scale);
      } else {
        L.DomUtil.setPosition(this._canvas, topLeftOffset);
      }
    },

    // Draw everything. force=false skips the work when the view did not change.
    draw: function (force) {
      const map = this._map;
      if (!map) {
        return;
      }
      const size = map.getSize();
      const p = this.options.padding;
      const min = map.containerPointToLayerPoint(size.multiplyBy(-p)).round();
      const w = Math.round(size.x * (1 + 2 * p));
      const h = Math.round(size.y * (1 + 2 * p));
      const origin = map.getPixelOrigin();
      const zoom = map.getZoom();
      const key = [min.x, min.y, w, h, origin.x, origin.y, zoom].join(',');
      if (!force && key === this._drawKey) {
        return;
      }
      this._drawKey = key;
      this._center = map.getCenter();
      this._zoom = zoom;
      this._min = min; // layer point of the canvas's top-left corner
      L.DomUtil.setPosition(this._canvas, min);

      const dpr = window.devicePixelRatio || 1;
      const cw = Math.max(1, Math.round(w * dpr));
      const ch = Math.max(1, Math.round(h * dpr));
      if (this._canvas.width !== cw || this._canvas.height !== ch) {
        this._canvas.width = cw;
        this._canvas.height = ch;
        this._imageData = null;
      }
      this._canvas.style.width = w + 'px';
      this._canvas.style.height = h + 'px';

      // canvas-local x = mx * scale - ox, y = my * scale - oy
      const scale = 256 * Math.pow(2, zoom);
      const view = {
        w: w, h: h, dpr: dpr, zoom: zoom, scale: scale,
        ox: origin.x + min.x, oy: origin.y + min.y,
        lat: this._center.lat,
      };
      this._view = view;
      const t0 = performance.now();
      renderAll(this, view);
      st.lastDrawMs = performance.now() - t0;
      if (st.pendingReady) {
        const ready = st.pendingReady;
        st.pendingReady = null;
        flushCanvas(this); // the time to a drawn picture, not just to queued drawing commands
        FS.send({ cmd: 'ready', drawn: st.drawn, ms: Math.round(performance.now() - ready.t0) });
      }
    },
  });

  // Chromium queues canvas drawing and rasterises later; reading one pixel forces it now.
  function flushCanvas(layer) {
    try {
      layer._ctx.getImageData(0, 0, 1, 1);
    } catch (e) {
      // nothing to flush
    }
  }

  function renderAll(layer, view) {
    const ctx = layer._ctx;
    const n = st.n;
    const mx = st.mx;
    const my = st.my;
    const mask = st.mask;
    const visIdx = st.visIdx;
    const visX = st.visX;
    const visY = st.visY;
    const zoom = view.zoom;
    const drawCones = zoom >= st.coneMinZoom && st.v > 0;
    const scale = view.scale;
    const ox = view.ox;
    const oy = view.oy;

    // 1. cull: visible points in canvas-local CSS px
    const coneMargin = drawCones ? 1.2 * conePixels(view, view.lat) : 0;
    const r = pointRadius(zoom);
    const margin = r + 2 + coneMargin;
    const xmax = view.w + margin;
    const ymax = view.h + margin;
    let count = 0;
    let drawn = 0;
    for (let i = 0; i < n; i++) {
      if (mask !== null && mask[i] === 0) {
        continue;
      }
      const x = mx[i] * scale - ox;
      if (!(x >= -margin && x <= xmax)) {
        continue; // NaN fails too
      }
      const y = my[i] * scale - oy;
      if (!(y >= -margin && y <= ymax)) {
        continue;
      }
      visIdx[count] = i;
      visX[count] = x;
      visY[count] = y;
      count++;
      if (x >= -r && x <= view.w + r && y >= -r && y <= view.h + r) {
        drawn++;
      }
    }
    st.drawn = drawn;

    const pal = palette();
    const code = codes();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, layer._canvas.width, layer._canvas.height);

    const usePixels = FS._opts.renderer === 'pixels' ||
      (FS._opts.renderer === 'auto' && (count > PIXEL_PATH_MIN || zoom < 15));
    st.lastRenderer = usePixels ? 'pixels' : 'paths';

    // order: cones, points, selection ring
    ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
    if (drawCones) {
      drawConeWedges(ctx, view, count, code, pal);
    }
    if (usePixels) {
      drawPixels(layer, view, count, code, pal, r, drawCones);
    } else {
      drawCircles(ctx, view, count, code, pal, r);
    }
    drawSelection(ctx, view, code, pal, r);
    buildGrid(view, count);
  }

  FS._opts = { renderer: 'auto', chunk: 32 }; // renderer 'auto' | 'pixels' | 'paths' (testing)

  function pointRadius(zoom) {
    if (zoom < 11) {
      return 1;
    }
    if (zoom < 13) {
      return 1.5;
    }
    if (zoom < 15) {
      return 2;
    }
    if (zoom < 16) {
      return 3;
    }
    return 5;
  }

  function conePixels(view, lat) {
    const metresPerPixel = EARTH_CIRCUMFERENCE * Math.cos(lat * D2R) / view.scale;
    return st.coneMetres / metresPerPixel;
  }

  // Pixel offsets of one point: a square for small points, a disc with a white rim from r >= 3
  // (the same look as drawCircles). Cached per size.
  const stampCache = {};
  function stamp(r, dpr) {
    const key = r + '@' + dpr;
    if (stampCache[key]) {
      return stampCache[key];
    }
    const side = Math.max(1, Math.round(2 * r * dpr));
    const half = side / 2;
    const rim = r >= 3 ? dpr : 0;
    const dx = [];
    const dy = [];
    const white = [];
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const d = Math.hypot(x + 0.5 - half, y + 0.5 - half);
        if (d <= half + 0.35) {
          dx.push(x);
          dy.push(y);
          white.push(rim > 0 && d > half - rim ? 1 : 0);
        }
      }
    }
    const result = { side: side, dx: Int32Array.from(dx), dy: Int32Array.from(dy), white: Uint8Array.from(white) };
    stampCache[key] = result;
    return result;
  }

  // Points written straight into an ImageData: fast for 100k+ points in software rendering
  // (a canvas path per point is ~30x slower). Over cones, they are composited via a second
  // canvas, because putImageData replaces pixels instead of blending.
  function drawPixels(layer, view, count, code, pal, r, composite) {
    const cw = layer._canvas.width;
    const ch = layer._canvas.height;
    if (!layer._imageData || layer._imageData.width !== cw || layer._imageData.height !== ch) {
      layer._imageData = layer._ctx.createImageData(cw, ch);
      layer._pixels = new Uint32Array(layer._imageData.data.buffer);
    } else {
      layer._pixels.fill(0);
    }
    const px = layer._pixels;
    const colour = pal.pixel;
    const WHITE = 0xffffffff;
    const dpr = view.dpr;
    const s = stamp(r, dpr);
    const side = s.side;
    const half = side / 2;
    const full = s.dx.length === side * side && !s.white.some(function (v) { return v; });
    const visIdx = st.visIdx;
    const visX = st.visX;
    const visY = st.visY;
    for (let k = 0; k < count; k++) {
      const c = colour[code[visIdx[k]]];
      const x0 = Math.round(visX[k] * dpr - half);
      const y0 = Math.round(visY[k] * dpr - half);
      if (full) {
        const xa = x0 < 0 ? 0 : x0;
        const ya = y0 < 0 ? 0 : y0;
        const xb = x0 + side > cw ? cw : x0 + side;
        const yb = y0 + side > ch ? ch : y0 + side;
        for (let y = ya; y < yb; y++) {
          const row = y * cw;
          for (let x = xa; x < xb; x++) {
            px[row + x] = c;
          }
        }
      } else {
        const inside = x0 >= 0 && y0 >= 0 && x0 + side <= cw && y0 + side <= ch;
        for (let q = 0; q < s.dx.length; q++) {
          const x = x0 + s.dx[q];
          const y = y0 + s.dy[q];
          if (inside || (x >= 0 && y >= 0 && x < cw && y < ch)) {
            px[y * cw + x] = s.white[q] ? WHITE : c;
          }
        }
      }
    }
    if (!composite) {
      layer._ctx.putImageData(layer._imageData, 0, 0);
      return;
    }
    if (!layer._pointCanvas) {
      layer._pointCanvas = document.createElement('canvas');
    }
    const off = layer._pointCanvas;
    if (off.width !== cw || off.height !== ch) {
      off.width = cw;
      off.height = ch;
    }
    off.getContext('2d').putImageData(layer._imageData, 0, 0);
    const ctx = layer._ctx;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(off, 0, 0);
    ctx.restore();
  }

  // bucket the visible points by colour code: returns {start, order}
  function byCode(count, code) {
    const start = new Int32Array(257);
    const visIdx = st.visIdx;
    for (let k = 0; k < count; k++) {
      start[code[visIdx[k]] + 1]++;
    }
    for (let c = 0; c < 256; c++) {
      start[c + 1] += start[c];
    }
    const fill = start.slice(0, 256);
    const order = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      order[fill[code[visIdx[k]]]++] = k;
    }
    return { start: start, order: order };
  }

  function drawCircles(ctx, view, count, code, pal, r) {
    const buckets = byCode(count, code);
    const visX = st.visX;
    const visY = st.visY;
    const outline = r >= 3;
    const chunk = FS._opts.chunk;
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    for (let c = 0; c < 256; c++) {
      const a = buckets.start[c];
      const b = buckets.start[c + 1];
      if (a === b) {
        continue;
      }
      ctx.fillStyle = pal.css[c];
      // Many short paths: Chromium's canvas gets superlinearly slow with one huge path.
      for (let from = a; from < b; from += chunk) {
        const to = Math.min(b, from + chunk);
        ctx.beginPath();
        for (let j = from; j < to; j++) {
          const k = buckets.order[j];
          const x = visX[k];
          const y = visY[k];
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, 2 * Math.PI);
        }
        ctx.fill();
        if (outline) {
          ctx.stroke();
        }
      }
    }
  }

  function drawConeWedges(ctx, view, count, code, pal) {
    const buckets = byCode(count, code);
    const visIdx = st.visIdx;
    const visX = st.visX;
    const visY = st.visY;
    const vcount = st.vcount;
    const vstart = st.vstart;
    const views = st.views;
    const lat = st.lat;
    const base = EARTH_CIRCUMFERENCE / view.scale; // metres per pixel at the equator
    const chunk = FS._opts.chunk;
    ctx.lineWidth = 1;
    let pending = 0;
    function flush(colour) {
      ctx.fillStyle = colour;
      ctx.strokeStyle = colour;
      ctx.globalAlpha = 0.25;
      ctx.fill();
      ctx.globalAlpha = 0.8;
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.beginPath();
      pending = 0;
    }
    for (let c = 0; c < 256; c++) {
      const a = buckets.start[c];
      const b = buckets.start[c + 1];
      if (a === b) {
        continue;
      }
      const colour = pal.css[c];
      ctx.beginPath();
      pending = 0;
      for (let j = a; j < b; j++) {
        const k = buckets.order[j];
        const i = visIdx[k];
        const nv = vcount[i];
        if (nv === 0) {
          continue;
        }
        const len = st.coneMetres / (base * Math.cos(lat[i] * D2R));
        const x = visX[k];
        const y = visY[k];
        for (let q = vstart[i], end = vstart[i] + nv; q < end; q++) {
          const dir = views[2 * q];
          let fov = views[2 * q + 1];
          if (!(dir === dir) || !(fov === fov)) {
            continue;
          }
          if (fov >= 360) {
            ctx.moveTo(x + len, y);
            ctx.arc(x, y, len, 0, 2 * Math.PI);
          } else {
            if (fov < 2) {
              fov = 2;
            }
            // bearing (clockwise from north) -> canvas angle (clockwise from +x, y down)
            const mid = (dir - 90) * D2R;
            const halfFov = fov * D2R / 2;
            ctx.moveTo(x, y);
            ctx.arc(x, y, len, mid - halfFov, mid + halfFov);
            ctx.closePath();
          }
          if (++pending >= chunk) {
            flush(colour);
          }
        }
      }
      if (pending > 0) {
        flush(colour);
      }
    }
  }

  function drawSelection(ctx, view, code, pal, r) {
    const i = st.selected;
    if (i < 0 || i >= st.n || !(st.mx[i] === st.mx[i])) {
      return;
    }
    const x = st.mx[i] * view.scale - view.ox;
    const y = st.my[i] * view.scale - view.oy;
    if (x < -50 || y < -50 || x > view.w + 50 || y > view.h + 50) {
      return;
    }
    const ring = Math.max(r + 4, 7);
    ctx.beginPath();
    ctx.arc(x, y, Math.max(r, 3), 0, 2 * Math.PI);
    ctx.fillStyle = pal.css[code[i]];
    ctx.fill();
    ctx.beginPath();
    ctx.arc(x, y, ring, 0, 2 * Math.PI);
    ctx.lineWidth = 5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#e91e63';
    ctx.stroke();
  }

  // ------------------------------------------------------------------ hit testing

  function buildGrid(view, count) {
    const gw = Math.ceil(view.w / CELL) + 1;
    const gh = Math.ceil(view.h / CELL) + 1;
    const cells = gw * gh;
    const start = new Int32Array(cells + 1);
    const visX = st.visX;
    const visY = st.visY;
    const cellOf = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const x = visX[k];
      const y = visY[k];
      if (x < 0 || y < 0 || x >= view.w || y >= view.h) {
        cellOf[k] = -1;
        continue;
      }
      const cell = ((y / CELL) | 0) * gw + ((x / CELL) | 0);
      cellOf[k] = cell;
      start[cell + 1]++;
    }
    for (let c = 0; c < cells; c++) {
      start[c + 1] += start[c];
    }
    const fill = start.slice(0, cells);
    const items = new Int32Array(start[cells]);
    const xs = new Float32Array(start[cells]);
    const ys = new Float32Array(start[cells]);
    for (let k = 0; k < count; k++) {
      const cell = cellOf[k];
      if (cell < 0) {
        continue;
      }
      const j = fill[cell]++;
      items[j] = st.visIdx[k];
      xs[j] = visX[k];
      ys[j] = visY[k];
    }
    st.grid = { gw: gw, gh: gh, start: start, items: items, xs: xs, ys: ys };
  }

  // x, y: container point. Returns the camera index or -1.
  FS.hitTest = function (x, y) {
    const layer = st.layer;
    const grid = st.grid;
    if (!layer || !layer._min || !grid) {
      return -1;
    }
    // container point -> canvas-local point (valid even if the map moved since the last draw)
    const lp = st.map.containerPointToLayerPoint([x, y]);
    const cx = lp.x - layer._min.x;
    const cy = lp.y - layer._min.y;
    const gx = Math.floor(cx / CELL);
    const gy = Math.floor(cy / CELL);
    let best = -1;
    let bestD = HIT_RADIUS * HIT_RADIUS + 1e-9;
    for (let yy = gy - 1; yy <= gy + 1; yy++) {
      if (yy < 0 || yy >= grid.gh) {
        continue;
      }
      for (let xx = gx - 1; xx <= gx + 1; xx++) {
        if (xx < 0 || xx >= grid.gw) {
          continue;
        }
        const cell = yy * grid.gw + xx;
        for (let j = grid.start[cell], end = grid.start[cell + 1]; j < end; j++) {
          const dx = grid.xs[j] - cx;
          const dy = grid.ys[j] - cy;
          const d = dx * dx + dy * dy;
          if (d < bestD) {
            bestD = d;
            best = grid.items[j];
          }
        }
      }
    }
    return best;
  };

  FS.pointOf = function (index) {
    index = index | 0;
    if (!st.map || index < 0 || index >= st.n || !(st.mx[index] === st.mx[index])) {
      return 'null';
    }
    const p = st.map.latLngToContainerPoint([st.lat[index], st.lon[index]]);
    return JSON.stringify({ x: p.x, y: p.y });
  };

  // ------------------------------------------------------------------ interaction

  function onMapClick(e) {
    if (st.drag || (st.mode === 'direction' && st.selected >= 0)) {
      return; // direction mode: mouse drags set a bearing, clicks do nothing
    }
    const hit = FS.hitTest(e.containerPoint.x, e.containerPoint.y);
    if (hit >= 0) {
      FS.send({ cmd: 'click', index: hit });
    } else if (st.mode === 'place') {
      if (st.map.getZoom() < FS.PLACE_MIN_ZOOM) {
        FS.send({ cmd: 'place_zoom', zoom: st.map.getZoom() }); // too coarse: zoom in first
      } else {
        FS.putPlaceMarker(e.latlng.wrap());
      }
    } else {
      FS.send({ cmd: 'click', index: -1 });
    }
  }

  function bearingTo(containerPoint) {
    const i = st.selected;
    const cam = st.map.latLngToContainerPoint([st.lat[i], st.lon[i]]);
    const dx = containerPoint.x - cam.x;
    const dy = containerPoint.y - cam.y;
    if (dx * dx + dy * dy < 1) {
      return null;
    }
    // Web Mercator is conformal: the screen angle is the true bearing
    const b = Math.atan2(dx, -dy) / D2R;
    return Math.round(((b % 360) + 360) % 360 * 10) / 10 % 360;
  }

  function dragUpdate(ev, final) {
    const drag = st.drag;
    const cp = st.map.mouseEventToContainerPoint(ev);
    const bearing = bearingTo(cp);
    const latlng = st.map.containerPointToLatLng(cp);
    drag.line.setLatLngs([[st.lat[drag.index], st.lon[drag.index]], latlng]);
    if (bearing !== null) {
      drag.bearing = bearing;
    }
    if (final) {
      drag.done = true; // a pending non-final message must not arrive after the final one
      if (drag.bearing !== null) {
        FS.send({ cmd: 'direction', index: drag.index, bearing: drag.bearing, final: true });
      }
      return;
    }
    if (bearing === null || drag.scheduled) {
      return;
    }
    drag.scheduled = true;
    requestAnimationFrame(function () {
      drag.scheduled = false;
      if (!drag.done && drag.bearing !== null && drag.bearing !== drag.sent) {
        drag.sent = drag.bearing;
        FS.send({ cmd: 'direction', index: drag.index, bearing: drag.bearing, final: false });
      }
    });
  }

  function onMouseDown(ev) {
    if (st.mode !== 'direction' || st.selected < 0 || ev.button !== 0) {
      return;
    }
    if (ev.target && ev.target.closest && ev.target.closest('.leaflet-control')) {
      return;
    }
    ev.preventDefault();
    const line = L.polyline([], { color: '#e91e63', weight: 2, dashArray: '6 4', interactive: false });
    line.addTo(st.map);
    st.drag = { index: st.selected, line: line, bearing: null, sent: null, scheduled: false, done: false };
    dragUpdate(ev, false);
    document.addEventListener('mousemove', onMouseMove, true);
    document.addEventListener('mouseup', onMouseUp, true);
  }

  function onMouseMove(ev) {
    if (st.drag) {
      dragUpdate(ev, false);
    }
  }

  function onMouseUp(ev) {
    document.removeEventListener('mousemove', onMouseMove, true);
    document.removeEventListener('mouseup', onMouseUp, true);
    const drag = st.drag;
    if (!drag) {
      return;
    }
    dragUpdate(ev, true);
    drag.line.remove();
    // the click that follows this mouseup must not select anything
    setTimeout(function () {
      if (st.drag === drag) {
        st.drag = null;
      }
    }, 0);
  }

  // ------------------------------------------------------------------ placing

  // Placing a record: from street zoom only, a marker that can be dragged, saved only when the
  // person confirms in its popup (Python then leaves the mode).
  FS.PLACE_MIN_ZOOM = 17;
  let placeMarker = null;

  function label(key) {
    const config = window.FSBoot && window.FSBoot.config;
    return (config && config.labels && config.labels[key]) || key;
  }

  function placePopup() {
    const ll = placeMarker.getLatLng().wrap();
    const box = document.createElement('div');
    box.className = 'fs-place';
    const text = document.createElement('div');
    text.textContent = label('placeHere') + ' ' + ll.lat.toFixed(6) + ', ' + ll.lng.toFixed(6);
    const save = document.createElement('button');
    save.className = 'fs-place-save';
    save.textContent = label('placeSave');
    save.addEventListener('click', function () { FS.confirmPlace(); });
    const cancel = document.createElement('button');
    cancel.className = 'fs-place-cancel';
    cancel.textContent = label('placeCancel');
    cancel.addEventListener('click', function () { FS.send({ cmd: 'place_cancel' }); });
    box.appendChild(text);
    box.appendChild(save);
    box.appendChild(cancel);
    L.DomEvent.disableClickPropagation(box);
    placeMarker.bindPopup(box, { closeButton: false, autoClose: false, closeOnClick: false,
                                 offset: [0, -30] }).openPopup();
  }

  FS.putPlaceMarker = function (latlng) {
    if (!placeMarker) {
      placeMarker = L.marker(latlng, { draggable: true, autoPan: true, title: label('placeDrag') })
        .addTo(st.map);
      placeMarker.on('dragend', placePopup);
    } else {
      placeMarker.setLatLng(latlng);
    }
    placePopup();
    return true;
  };

  FS.confirmPlace = function () {
    if (!placeMarker) return false;
    const ll = placeMarker.getLatLng().wrap();
    FS.send({ cmd: 'place', lat: ll.lat, lon: ll.lng });
    return true;
  };

  FS.placeMarker = function () { return placeMarker; };

  function removePlaceMarker() {
    if (placeMarker) {
      placeMarker.remove();
      placeMarker = null;
    }
  }

  FS.setMode = function (mode) {
    if (mode !== 'select' && mode !== 'place' && mode !== 'direction') {
      reportError('unknown mode: ' + mode);
      return false;
    }
    st.mode = mode;
    if (mode !== 'place') removePlaceMarker();
    const map = st.map;
    if (map) {
      if (mode === 'direction') {
        map.dragging.disable();
      } else {
        map.dragging.enable();
      }
      map.getContainer().style.cursor = mode === 'select' ? '' : 'crosshair';
    }
    return true;
  };

  // ------------------------------------------------------------------ legend

  const LegendControl = L.Control.extend({
    options: { position: 'bottomright' },
    onAdd: function () {
      const div = L.DomUtil.create('div', 'leaflet-control fs-legend');
      div.style.cssText = 'background:rgba(255,255,255,0.92);padding:6px 8px;border-radius:4px;' +
        'box-shadow:0 1px 4px rgba(0,0,0,0.35);font:12px/1.35 sans-serif;color:#222;max-height:40vh;' +
        'overflow-y:auto;';
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      this._div = div;
      this.refresh();
      return div;
    },
    refresh: function () {
      const div = this._div;
      if (!div) {
        return;
      }
      while (div.firstChild) {
        div.removeChild(div.firstChild);
      }
      const rows = (st.legend[st.colourMode] || []).slice();
      if (st.unknown.label) {
        rows.push(st.unknown);
      }
      div.style.display = rows.length ? '' : 'none';
      const title = st.titles[st.colourMode];
      if (title) {
        const t = document.createElement('div');
        t.style.fontWeight = 'bold';
        t.style.marginBottom = '3px';
        t.textContent = String(title);
        div.appendChild(t);
      }
      for (const entry of rows) {
        if (!entry) {
          continue;
        }
        const row = document.createElement('div');
        row.style.whiteSpace = 'nowrap';
        const sw = document.createElement('span');
        sw.style.cssText = 'display:inline-block;width:10px;height:10px;margin-right:6px;' +
          'border:1px solid rgba(0,0,0,0.4);vertical-align:-1px;';
        sw.style.backgroundColor = parseColour(entry.colour, '#9e9e9e');
        const label = document.createElement('span');
        label.textContent = entry.label === undefined || entry.label === null ? '' : String(entry.label);
        row.appendChild(sw);
        row.appendChild(label);
        div.appendChild(row);
      }
    },
  });

  function refreshLegend() {
    if (!st.map) {
      return;
    }
    if (!st.legendControl) {
      st.legendControl = new LegendControl();
      st.legendControl.addTo(st.map);
    } else {
      st.legendControl.refresh();
    }
  }

  FS.setLegend = function (obj) {
    try {
      if (typeof obj === 'string') {
        obj = JSON.parse(obj);
      }
    } catch (err) {
      reportError('setLegend: ' + err.message);
      return false;
    }
    obj = obj || {};
    st.legend = {
      condition: Array.isArray(obj.condition) ? obj.condition : [],
      purpose: Array.isArray(obj.purpose) ? obj.purpose : [],
    };
    st.titles = obj.titles && typeof obj.titles === 'object' ? obj.titles : {};
    if (obj.unknown && typeof obj.unknown === 'object') {
      st.unknown = { label: obj.unknown.label || '', colour: parseColour(obj.unknown.colour, '#9e9e9e') };
    }
    refreshLegend();
    redrawNow(true);
    return true;
  };

  FS.setColourMode = function (mode) {
    if (mode !== 'condition' && mode !== 'purpose') {
      reportError('unknown colour mode: ' + mode);
      return false;
    }
    st.colourMode = mode;
    refreshLegend();
    redrawNow(true);
    return true;
  };

  // ------------------------------------------------------------------ the rest of the API

  function redrawNow(force) {
    if (st.layer && st.layer._map) {
      st.layer.draw(force);
    }
  }

  FS.redraw = function () {
    redrawNow(true);
  };

  FS.setConeLength = function (metres) {
    metres = +metres;
    if (metres > 0 && metres < 10000) {
      st.coneMetres = metres;
      redrawNow(true);
      return true;
    }
    return false;
  };

  FS.select = function (index) {
    index = index | 0;
    st.selected = index >= 0 && index < st.n ? index : -1;
    redrawNow(true);
    return st.selected;
  };

  FS.centerOn = function (index, zoom) {
    index = index | 0;
    if (!st.map || index < 0 || index >= st.n || !(st.mx[index] === st.mx[index])) {
      return false;
    }
    const z = typeof zoom === 'number' && zoom === zoom ? zoom : st.map.getZoom();
    st.map.setView([st.lat[index], st.lon[index]], z, { animate: false });
    return true;
  };

  // Redraw `repeats` times (default 5), each time forcing the rasterisation; JSON string
  // {"drawn", "medianMs", "maxMs", "renderer"}. For benchmarks, not for normal use.
  FS.benchmark = function (repeats) {
    if (!st.layer || !st.layer._map) {
      return 'null';
    }
    repeats = Math.max(1, repeats | 0 || 5);
    const times = [];
    for (let k = 0; k < repeats; k++) {
      const t = performance.now();
      st.layer.draw(true);
      flushCanvas(st.layer);
      times.push(performance.now() - t);
    }
    times.sort(function (a, b) { return a - b; });
    const round = function (v) { return Math.round(v * 10) / 10; };
    return JSON.stringify({ drawn: st.drawn, medianMs: round(times[times.length >> 1]),
      maxMs: round(times[times.length - 1]), renderer: st.lastRenderer });
  };

  FS.stats = function () {
    return JSON.stringify({
      drawn: st.drawn,
      total: st.n,
      views: st.v,
      zoom: st.map ? st.map.getZoom() : null,
      lastDrawMs: Math.round(st.lastDrawMs * 10) / 10,
      renderer: st.lastRenderer,
      mode: st.mode,
      colourMode: st.colourMode,
      selected: st.selected,
      mask: st.mask ? st.maskShown : null,
    });
  };

  FS.findMap = function () {
    let fallback = null;
    for (const name of Object.keys(window)) {
      let value;
      try {
        value = window[name];
      } catch (e) {
        continue;
      }
      if (value instanceof L.Map) {
        if (name.indexOf('map_') === 0) {
          return value;
        }
        fallback = fallback || value;
      }
    }
    return fallback;
  };

  FS.init = function (map) {
    map = map || FS.findMap();
    if (!map || !(map instanceof L.Map)) {
      reportError('FS.init: no Leaflet map found');
      return false;
    }
    if (st.map === map) {
      return true;
    }
    if (st.map) {
      st.map.off('click', onMapClick);
      st.map.getContainer().removeEventListener('mousedown', onMouseDown, true);
      if (st.layer) {
        st.map.removeLayer(st.layer);
      }
      if (st.legendControl) {
        st.legendControl.remove();
        st.legendControl = null;
      }
    }
    st.map = map;
    st.layer = st.layer || new CameraLayer();
    map.addLayer(st.layer);
    map.on('click', onMapClick);
    map.getContainer().addEventListener('mousedown', onMouseDown, true);
    FS.setMode(st.mode);
    if (st.legend.condition.length || st.legend.purpose.length) {
      refreshLegend();
    }
    return true;
  };

  document.addEventListener('DOMContentLoaded', function () {
    if (!st.map) {
      const map = FS.findMap();
      if (map) {
        FS.init(map);
      }
    }
  });
})();
