// MathJax 2.7 configured as Anki configures MathJax 3: TeX between \( \) and \[ \] only (not $),
// CommonHTML output. window.__mjFiles holds every file MathJax loads, keyed by its MathJax name;
// the loader below serves them from there, so MathJax never adds a script or link element.
window.__mjMissing = [];
window.MathJax = {
  root: "mathjax-embedded:",
  delayStartupUntil: "configured",
  skipStartupTypeset: true,  // the page typesets card by card (page.js)
  config: ["TeX-AMS_CHTML-full.js"],
  jax: ["input/TeX", "output/CommonHTML"],
  extensions: ["tex2jax.js"],
  TeX: {extensions: ["AMSmath.js", "AMSsymbols.js", "noErrors.js", "noUndefined.js", "autoload-all.js"]},
  tex2jax: {inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]],
            processEscapes: false, processEnvironments: false, processRefs: false},
  showMathMenu: false, showMathMenuMSIE: false,
  menuSettings: {zoom: "None", FastPreview: false, assistiveMML: false},
  "fast-preview": {disabled: true},
  messageStyle: "none",
  showProcessingMessages: false,
  AuthorInit: function () {
    var AJAX = MathJax.Ajax;
    // Needed before LoadHook(): it resolves "[MathJax]" at once, and root is "" until startup.
    AJAX.config.root = "mathjax-embedded:";
    AJAX.loader.JS = function (file, callback) {
      var name = this.fileName(file);
      var src = window.__mjFiles[name];
      this.loading[file] = {callback: callback, timeout: null, status: this.STATUS.OK, script: null};
      this.loading[file].message = MathJax.Message.File(name);
      if (src == null) {  // not embedded: recorded, and failed at once rather than fetched
        window.__mjMissing.push(name);
        this.loading[file].status = this.STATUS.ERROR;
        var self = this;
        setTimeout(function () { self.loadComplete(file); }, 0);
        return;
      }
      // Asynchronous like a real <script>; the file ends by calling loadComplete itself.
      setTimeout(function () { (0, eval)(src + "\n//# sourceURL=" + name); }, 0);
    };
    AJAX.loader.CSS = function (file, callback) {
      window.__mjMissing.push(this.fileName(file));
      this.loading[file] = {callback: callback, timeout: null, status: this.STATUS.ERROR, script: null};
      this.loading[file].message = MathJax.Message.File(this.fileName(file));
      var self = this;
      setTimeout(function () { self.loadComplete(file); }, 0);
    };
    // The CommonHTML web fonts as data: URIs, before the output jax inserts its styles.
    AJAX.LoadHook("[MathJax]/jax/output/CommonHTML/fonts/TeX/fontdata.js", function () {
      var faces = MathJax.OutputJax.CommonHTML.config.styles["@font-face"] || [];
      for (var i = 0; i < faces.length; i++) {
        var f = faces[i], src2 = f["src /*2*/"];
        if (!src2) continue;  // the local() faces stay
        var m = src2.match(/woff\/([^'"]+)\.woff/);
        delete f["src /*1*/"];
        delete f["src /*2*/"];
        if (m && window.__mjWoff[m[1]]) {
          f.src = "url(data:font/woff;base64," + window.__mjWoff[m[1]] + ") format('woff')";
        } else {
          f.src = "local('MathJax_Missing')";  // never a URL
          window.__mjMissing.push("woff:" + (m ? m[1] : f["font-family"]));
        }
      }
    }, 1);
  }
};
