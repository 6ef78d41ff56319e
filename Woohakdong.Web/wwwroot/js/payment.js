// Opens PortOne's payment window through iamport.js (PortOne's own in Live mode, the app's sandbox stand-in otherwise)
// and resolves with PortOne's rsp once the buyer pays, fails or closes it.
const scripts = new Map();

function load(scriptUrl) {
  if (!scripts.has(scriptUrl)) {
    scripts.set(scriptUrl, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = scriptUrl;
      script.onload = resolve;
      script.onerror = () => {
        scripts.delete(scriptUrl);
        reject(new Error("Could not load " + scriptUrl));
      };
      document.head.appendChild(script);
    }));
  }
  return scripts.get(scriptUrl);
}

export async function requestPay(scriptUrl, merchantCode, params) {
  await load(scriptUrl);
  window.IMP.init(merchantCode);
  const rsp = await new Promise(resolve => window.IMP.request_pay(params, resolve));
  return {
    imp_uid: rsp.imp_uid ?? null,
    merchant_uid: rsp.merchant_uid ?? params.merchant_uid,
    // Older iamport.js versions report a failure only through success: false.
    error_code: rsp.error_code ?? (rsp.success === false ? "F0000" : null),
    error_msg: rsp.error_msg ?? null,
  };
}

// PortOne V2: @portone/browser-sdk's PortOne.requestPayment (PortOne's own script in Live mode, the sandbox's stand-in
// otherwise), its result in the rsp shape above; on a phone the SDK redirects instead of resolving.
export async function requestPayment(scriptUrl, params) {
  await load(scriptUrl);
  const result = (await window.PortOne.requestPayment(params)) ?? {};
  return {
    imp_uid: null,
    merchant_uid: result.paymentId ?? params.paymentId,
    error_code: result.code ?? null,
    error_msg: result.message ?? null,
  };
}
