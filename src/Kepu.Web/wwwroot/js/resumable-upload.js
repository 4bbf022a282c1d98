// Resumable upload of large files (contest videos). Progressive enhancement only: without this file the form sends
// the file the ordinary way.
//
// <form method="post" enctype="multipart/form-data">  (with its antiforgery token, asp-antiforgery="true")
//   <input type="file" name="video" data-resumable-upload data-target="videoUrl" accept="video/*">
//   <input type="hidden" name="videoUrl">
// </form>
//
// On choosing a file it is sent in 4 MB pieces to /api/v1/uploads with the sign-in cookie and the form's antiforgery
// token (header RequestVerificationToken). Progress is announced in an aria-live element (the one named by
// data-status, or one added after the input). After a network error it asks the server (HEAD) how much arrived and
// goes on from there. When done, the /media/... address goes into the hidden input named by data-target and the file
// input loses its name, so the form does not send the file a second time; the server reads the hidden input.
(function () {
  "use strict";

  var API = "/api/v1/uploads";
  var CHUNK = 4 * 1024 * 1024; // the server takes up to 8 MB per piece
  var MAX_FAILURES = 10;

  if (!window.fetch || !window.Promise || !window.Blob || !Blob.prototype.slice) return;

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + " MB";
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  // The Chinese message of a problem response (its first field error, else its detail).
  function problemText(response) {
    return response.json().then(function (problem) {
      var errors = problem && problem.errors;
      if (errors) {
        for (var key in errors) {
          if (Object.prototype.hasOwnProperty.call(errors, key) && errors[key].length) return errors[key][0];
        }
      }
      return (problem && problem.detail) || "上传失败（" + response.status + "）。";
    }, function () {
      return "上传失败（" + response.status + "）。";
    });
  }

  function setup(input) {
    var form = input.form;
    var targetName = input.getAttribute("data-target");
    if (!form || !targetName) return;

    var target = null;
    for (var i = 0; i < form.elements.length; i++) {
      if (form.elements[i].name === targetName && form.elements[i] !== input) target = form.elements[i];
    }
    if (!target) {
      target = document.createElement("input");
      target.type = "hidden";
      target.name = targetName;
      form.appendChild(target);
    }

    var status = document.getElementById(input.getAttribute("data-status") || "");
    if (!status) {
      status = document.createElement("p");
      status.className = "upload-status";
      input.parentNode.insertBefore(status, input.nextSibling);
    }
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.hidden = true;
    bar.setAttribute("aria-hidden", "true"); // the text in the status element is what is announced
    status.parentNode.insertBefore(bar, status);

    var fieldName = input.name;
    var uploading = false;
    var run = 0;

    function say(text) {
      status.textContent = text;
    }

    function send(method, url, body, headers) {
      var all = { RequestVerificationToken: (form.querySelector("input[name='__RequestVerificationToken']") || {}).value || "" };
      for (var key in headers || {}) all[key] = headers[key];
      return fetch(url, { method: method, body: body, headers: all, credentials: "same-origin" });
    }

    function upload(file, mine) {
      var url = null;
      var offset = 0;
      var failures = 0;
      var announced = -1;

      function current() {
        if (mine !== run) throw new Error("");
      }

      function progress() {
        var percent = file.size ? Math.floor((offset * 100) / file.size) : 100;
        bar.value = percent;
        // Announce every 10 %, not every piece, so screen readers are not flooded.
        if (Math.floor(percent / 10) !== announced) {
          announced = Math.floor(percent / 10);
          say("已上传 " + megabytes(offset) + " / " + megabytes(file.size) + "（" + percent + "%）");
        }
      }

      function fail(response) {
        return problemText(response).then(function (text) { throw new Error(text); });
      }

      // After a broken connection or a conflict: wait a little longer each time, ask where the server is, go on.
      function resume() {
        current();
        failures++;
        if (failures > MAX_FAILURES) throw new Error("网络不稳定，上传已停止。请检查网络后重新选择文件。");
        var delay = Math.min(30000, 1000 * Math.pow(2, failures - 1));
        say("网络中断，" + Math.round(delay / 1000) + " 秒后从 " + megabytes(offset) + " 处继续上传…");
        return wait(delay).then(function () {
          current();
          return send("HEAD", url).then(function (response) {
            if (response.status === 404) throw new Error("这个上传已失效（可能超过 24 小时），请重新选择文件。");
            if (!response.ok) return resume();
            offset = Number(response.headers.get("Upload-Offset")) || 0;
            announced = -1;
            progress();
            return next();
          }, resume);
        });
      }

      function next() {
        current();
        if (offset >= file.size) return complete();
        var end = Math.min(offset + CHUNK, file.size);
        return send("PATCH", url, file.slice(offset, end), { "Content-Type": "application/offset+octet-stream", "Upload-Offset": String(offset) })
          .then(function (response) {
            if (response.ok) {
              return response.json().then(function (s) {
                offset = s.offset;
                failures = 0;
                progress();
                return next();
              });
            }
            // 409: the server has a different offset, or is still finishing a broken piece; 5xx and 429: try again later.
            if (response.status === 409 || response.status === 429 || response.status >= 500) return resume();
            return fail(response);
          }, resume);
      }

      function complete() {
        say("正在检查文件…");
        return send("POST", url + "/complete").then(function (response) {
          if (response.status === 201) return response.json();
          if (response.status === 409 || response.status >= 500) return resume();
          return fail(response);
        }, resume);
      }

      return send("POST", API, JSON.stringify({ length: file.size }), { "Content-Type": "application/json" })
        .then(function (response) {
          if (response.status !== 201) return fail(response);
          return response.json().then(function (created) {
            url = created.url;
            progress();
            return next();
          });
        })
        .catch(function (error) {
          // Free the server's slot (each person may keep only a few unfinished uploads); it may already be gone.
          if (url) send("DELETE", url).catch(function () { });
          throw error;
        });
    }

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var mine = ++run;
      target.value = "";
      if (fieldName) input.name = fieldName;
      if (!file) {
        say("");
        bar.hidden = true;
        return;
      }

      if (!file.size) {
        say("文件是空的，请重新选择。");
        bar.hidden = true;
        return;
      }

      uploading = true;
      bar.hidden = false;
      say("准备上传 " + file.name + "（" + megabytes(file.size) + "）…");
      upload(file, mine).then(function (stored) {
        if (mine !== run || !stored) return;
        uploading = false;
        target.value = stored.url;
        input.removeAttribute("name"); // the file is on the server already; do not send it again with the form
        bar.value = 100;
        say("上传完成：" + file.name + "。");
      }, function (error) {
        if (mine !== run) return; // a newer choice replaced this one
        uploading = false;
        bar.hidden = true;
        say(error && error.message ? error.message : "上传失败，请重试。");
      });
    });

    form.addEventListener("submit", function (event) {
      if (!uploading) return;
      event.preventDefault();
      say("文件还在上传，请等上传完成后再提交。");
    });
  }

  document.querySelectorAll("input[type='file'][data-resumable-upload]").forEach(setup);
})();
