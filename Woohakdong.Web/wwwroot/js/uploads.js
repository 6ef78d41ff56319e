// Keeps the images picked in a plain <input type="file"> inside the browser and PUTs each one straight to its presigned
// URL, so image bytes never pass through the Blazor circuit or the app. .NET only hears metadata, progress and outcomes.
const progressInterval = 100;

export function bind(input, dotnet) {
  const files = new Map();
  let nextId = 1;

  async function picked() {
    const metadata = [...input.files].map(file => {
      const id = nextId++;
      const previewUrl = URL.createObjectURL(file);
      files.set(id, { file, previewUrl, request: null });
      return { id, name: file.name, size: file.size, type: file.type, previewUrl };
    });
    // Picking the same file again must fire another change.
    input.value = "";
    if (metadata.length) await dotnet.invokeMethodAsync("OnPicked", metadata);
  }

  function reportProgress(id) {
    let lastPercent = -1;
    let lastReport = -Infinity;
    return event => {
      if (!event.lengthComputable || event.total === 0) return;
      const percent = Math.floor((event.loaded * 100) / event.total);
      const now = performance.now();
      if (percent === lastPercent || now - lastReport < progressInterval) return;
      lastPercent = percent;
      lastReport = now;
      dotnet.invokeMethodAsync("OnProgress", id, event.loaded, event.total).catch(() => {});
    };
  }

  // Resolves (never rejects) with { result: "Stored" | "Failed" | "Cancelled", status }.
  function upload(id, url, headers) {
    const entry = files.get(id);
    if (!entry) return Promise.resolve({ result: "Cancelled", status: 0 });
    entry.request?.abort();
    return new Promise(resolve => {
      const request = new XMLHttpRequest();
      entry.request = request;
      const finish = result => {
        if (entry.request === request) entry.request = null;
        resolve({ result, status: request.status });
      };
      request.upload.onprogress = reportProgress(id);
      request.onload = () => finish(request.status >= 200 && request.status < 300 ? "Stored" : "Failed");
      request.onerror = () => finish("Failed");
      request.onabort = () => finish("Cancelled");
      request.open("PUT", url);
      for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
      request.send(entry.file);
    });
  }

  function abort(id) {
    files.get(id)?.request?.abort();
  }

  function discard(ids) {
    for (const id of ids) {
      const entry = files.get(id);
      if (!entry) continue;
      entry.request?.abort();
      URL.revokeObjectURL(entry.previewUrl);
      files.delete(id);
    }
  }

  function dispose() {
    input.removeEventListener("change", picked);
    discard([...files.keys()]);
  }

  input.addEventListener("change", picked);
  return { upload, abort, discard, dispose };
}
