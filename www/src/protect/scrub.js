// Masking a request body, whatever its shape: a JSON text has every string value
// masked (its key as the field hint), URL-encoded parameters and FormData each value
// (its name as the hint), other text as a whole; text Blobs are read and rebuilt;
// and a URL: each segment of its path, each name and value of its query;
// binary bodies (ArrayBuffer, typed arrays, files) and streams are left alone. The
// masking of one value is passed in (`redactValue`), so this file knows no engine.

/** Whether a content type is text the scrubber reads (text/*, JSON, form-encoded, XML). */
export function isTextType(t) {
  return /^text\/|[/+]json\b|x-www-form-urlencoded|\/xml\b|[/+]xml\b/i.test(t || '');
}

/**
 * @param {object} win the window whose URLSearchParams, FormData, Blob and File the bodies are
 * @param {(value: string, name: string | null | undefined, counts: object) => string} redactValue
 *   masks one value and adds its findings to `counts`
 */
export function createScrubber(win, redactValue) {
  function scrubString(s, contentType, counts, name) {
    const ct = (contentType || '').toLowerCase();
    const t = s.trim();
    if (/json/.test(ct) || (!/text\/plain|urlencoded/.test(ct) && (t[0] === '{' || t[0] === '['))) {
      let v;
      try { v = JSON.parse(s); } catch (_) { v = undefined; }
      if (v !== undefined && v !== null && typeof v === 'object') return JSON.stringify(walkJson(v, counts, null));
    }
    if (/urlencoded/.test(ct) || (!ct && /^[^\s=&]+=[^\s&]*(&[^\s=&]+=[^\s&]*)*$/.test(t) && /%40|%20|\+|@/.test(t))) {
      return scrubParams(new win.URLSearchParams(s), counts).toString();
    }
    return redactValue(s, name, counts);
  }
  function walkJson(v, counts, key) {
    if (typeof v === 'string') return redactValue(v, key, counts);
    if (Array.isArray(v)) return v.map((x) => walkJson(x, counts, key));
    if (v && typeof v === 'object') {
      const o = {};
      for (const k of Object.keys(v)) o[k] = walkJson(v[k], counts, k);
      return o;
    }
    return v;
  }
  function scrubParams(p, counts) {
    const out = new win.URLSearchParams();
    for (const [k, v] of p) out.append(k, redactValue(v, k, counts));
    return out;
  }
  const isTextBlob = (body) => body instanceof win.Blob && !(win.File && body instanceof win.File) && isTextType(body.type);

  return {
    /** Whether `body` is a kind the scrubber masks (else it is sent as it is). */
    needsScrub(body) {
      return typeof body === 'string' || body instanceof win.URLSearchParams || body instanceof win.FormData || isTextBlob(body);
    },
    /**
     * `url` (absolute) with what the engine finds in its path's segments and its
     * query's names and values masked, each piece in place (the others as written:
     * their encoding, `;` parameters, a name without `=`), or null when nothing was found.
     */
    scrubUrl(url, counts) {
      const u = new win.URL(url);
      let found = false;
      // a piece as written, decoded (in a query `+` is a space), masked, encoded again
      const piece = (s, query) => {
        let d;
        try { d = decodeURIComponent(query ? s.replace(/\+/g, ' ') : s); } catch (_) { return s; } // not UTF-8: as it is
        const r = redactValue(d, null, counts);
        if (r === d) return s;
        found = true;
        return query ? encodeURIComponent(r) : r.replace(/[%/?#]/g, encodeURIComponent);
      };
      const path = u.pathname.split('/').map((s) => piece(s, false)).join('/');
      const query = u.search.slice(1).split('&').map((p) => {
        const k = p.indexOf('=');
        return k < 0 ? piece(p, true) : piece(p.slice(0, k), true) + '=' + piece(p.slice(k + 1), true);
      }).join('&');
      if (!found) return null;
      u.pathname = path;
      if (u.search) u.search = query;
      return u.href;
    },
    /** The scrubbed body synchronously, or a Promise of it for Blob bodies. */
    scrub(body, contentType, counts) {
      if (body === null || body === undefined) return body;
      if (typeof body === 'string') return scrubString(body, contentType, counts);
      if (body instanceof win.URLSearchParams) return scrubParams(body, counts);
      if (body instanceof win.FormData) {
        const out = new win.FormData();
        for (const [k, v] of body) out.append(k, typeof v === 'string' ? redactValue(v, k, counts) : v);
        return out;
      }
      if (isTextBlob(body)) {
        return body.text().then((t) => new win.Blob([scrubString(t, body.type, counts)], { type: body.type }));
      }
      return body; // binary (ArrayBuffer, typed arrays, files), streams: left alone
    },
  };
}
