// Vittne web app: the player, the tabs and small helpers. Served as a file: the content security
// policy allows no inline script.
(function () {
  "use strict";

  function format(seconds) {
    seconds = Math.max(0, Math.floor(seconds || 0));
    const h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    return [h, m, s].map(function (n) { return String(n).padStart(2, "0"); }).join(":");
  }

  function player(root) {
    const audio = root.querySelector("audio");
    const play = root.querySelector("#play");
    const wave = root.querySelector("#waveform");
    const progress = wave ? wave.querySelector(".progress") : null;
    const seek = root.querySelector("#seek");
    const current = root.querySelector("#current");
    const csrf = root.dataset.csrf;
    const renew = root.dataset.renew;

    function duration() { return isFinite(audio.duration) ? audio.duration : 0; }
    function jump(to) { audio.currentTime = Math.min(Math.max(0, to), duration() || to); }
    function label() {
      const playing = !audio.paused;
      play.setAttribute("aria-pressed", playing ? "true" : "false");
      play.querySelector("span").textContent = playing ? play.dataset.pause : play.dataset.play;
      play.firstChild.textContent = playing ? "❚❚ " : "▶ ";
    }
    function tick() {
      current.textContent = format(audio.currentTime);
      const d = duration();
      if (progress && d > 0) { progress.setAttribute("width", String(1000 * audio.currentTime / d)); }
      if (wave) { wave.setAttribute("aria-valuenow", String(Math.round(audio.currentTime))); wave.setAttribute("aria-valuetext", format(audio.currentTime)); }
      if (seek && document.activeElement !== seek) { seek.value = String(audio.currentTime); }
    }

    play.addEventListener("click", function () { if (audio.paused) { audio.play(); } else { audio.pause(); } });
    root.querySelector("#stop").addEventListener("click", function () { audio.pause(); jump(0); });
    root.querySelector("#back").addEventListener("click", function () { jump(audio.currentTime - 10); });
    root.querySelector("#forward").addEventListener("click", function () { jump(audio.currentTime + 10); });
    const mute = root.querySelector("#mute");
    mute.addEventListener("click", function () { audio.muted = !audio.muted; mute.setAttribute("aria-pressed", audio.muted ? "true" : "false"); });
    root.querySelector("#volume").addEventListener("input", function (e) { audio.volume = Number(e.target.value); });
    root.querySelector("#speed").addEventListener("change", function (e) { audio.playbackRate = Number(e.target.value); });
    if (seek) { seek.addEventListener("input", function () { jump(Number(seek.value)); }); }
    if (wave) {
      wave.addEventListener("click", function (e) {
        const box = wave.getBoundingClientRect();
        jump(duration() * (e.clientX - box.left) / box.width);
      });
      wave.addEventListener("keydown", function (e) {
        if (e.key === "ArrowLeft") { jump(audio.currentTime - 10); e.preventDefault(); }
        else if (e.key === "ArrowRight") { jump(audio.currentTime + 10); e.preventDefault(); }
        else if (e.key === "Home") { jump(0); e.preventDefault(); }
        else if (e.key === " ") { play.click(); e.preventDefault(); }
      });
    }
    ["play", "pause", "ended"].forEach(function (ev) { audio.addEventListener(ev, label); });
    ["timeupdate", "seeked", "loadedmetadata"].forEach(function (ev) { audio.addEventListener(ev, tick); });

    // the listening licence is held while the page is open: renew it, return it on leaving
    if (renew) {
      const every = Math.max(10, Number(root.dataset.renewSeconds || 30)) * 1000;
      const timer = setInterval(function () {
        fetch(renew, { method: "PUT", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" });
      }, every);
      window.addEventListener("pagehide", function () {
        clearInterval(timer);
        fetch(renew, { method: "DELETE", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin", keepalive: true });
      });
    }
  }

  function tabs(root) {
    const list = Array.prototype.slice.call(root.querySelectorAll("[role=tab]"));
    function select(tab, focus) {
      list.forEach(function (t) {
        const on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        t.tabIndex = on ? 0 : -1;
        document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
      });
      if (focus) { tab.focus(); }
    }
    list.forEach(function (tab, i) {
      tab.addEventListener("click", function () { select(tab, false); history.replaceState(null, "", "#" + tab.getAttribute("aria-controls")); });
      tab.addEventListener("keydown", function (e) {
        if (e.key === "ArrowRight") { select(list[(i + 1) % list.length], true); }
        if (e.key === "ArrowLeft") { select(list[(i - 1 + list.length) % list.length], true); }
      });
    });
    const wanted = list.filter(function (t) { return "#" + t.getAttribute("aria-controls") === location.hash; })[0];
    select(wanted || list[0], false);
  }

  function selectAll(box) {
    box.addEventListener("change", function () {
      const form = box.getAttribute("form");
      document.querySelectorAll("input[type=checkbox][name=" + box.dataset.selectAll + "][form='" + form + "']")
        .forEach(function (c) { c.checked = box.checked; });
    });
  }

  function confirmations() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (e) { if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); } });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-player]").forEach(player);
    document.querySelectorAll("[data-tabs]").forEach(tabs);
    document.querySelectorAll("[data-select-all]").forEach(selectAll);
    confirmations();
  });
})();
