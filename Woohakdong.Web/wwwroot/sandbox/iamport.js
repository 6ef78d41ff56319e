// Stands in for PortOne's browser SDKs in Sandbox mode: V1's https://cdn.iamport.kr/v1/iamport.js (IMP.init /
// IMP.request_pay) and V2's @portone/browser-sdk (PortOne.requestPayment), with the app's own /sandbox/portone/checkout
// (V2: /sandbox/portone/v2/checkout) in an in-page modal as the payment window. No real money moves.
(function () {
  "use strict";
  const source = "woohakdong-sandbox-portone";
  const forwarded = ["merchant_uid", "amount", "name", "pay_method", "currency", "buyer_name", "buyer_email", "buyer_tel",
    "custom_data", "notice_url", "channelKey", "pg"];

  function isMobile() {
    return new URLSearchParams(window.location.search).get("mobile") === "1" || window.matchMedia("(max-width: 640px)").matches;
  }

  function redirect(url, rsp) {
    const target = new URL(url, window.location.href);
    target.searchParams.set("imp_uid", rsp.imp_uid ?? "");
    target.searchParams.set("merchant_uid", rsp.merchant_uid ?? "");
    if (rsp.error_code != null) {
      target.searchParams.set("error_code", rsp.error_code);
      target.searchParams.set("error_msg", rsp.error_msg ?? "");
    }
    window.location.assign(target.toString());
  }

  function openWindow(params, mobile, path = "/sandbox/portone/checkout") {
    const query = new URLSearchParams();
    for (const key of forwarded) {
      const value = params[key];
      if (value != null) query.set(key, typeof value === "object" ? JSON.stringify(value) : String(value));
    }
    if (mobile) query.set("mobile", "1");
    const overlay = document.createElement("div");
    overlay.id = "imp-sandbox-overlay";
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.45);display:flex;" +
      "align-items:center;justify-content:center";
    const frame = document.createElement("iframe");
    frame.id = "imp-sandbox-window";
    frame.title = "PortOne sandbox";
    frame.src = path + "?" + query.toString();
    frame.style.cssText = "width:min(420px,100vw);height:min(560px,100vh);border:0;border-radius:12px;background:#fff";
    overlay.appendChild(frame);
    document.body.appendChild(overlay);
    return { overlay, frame };
  }

  // The window's answer, once the buyer decided or closed it.
  function decided(opened) {
    return new Promise(resolve => {
      function onMessage(event) {
        if (event.origin !== window.location.origin || event.source !== opened.frame.contentWindow) return;
        if (!event.data || event.data.source !== source) return;
        window.removeEventListener("message", onMessage);
        opened.overlay.remove();
        resolve(event.data.rsp);
      }
      window.addEventListener("message", onMessage);
    });
  }

  let merchantCode = null;

  window.IMP = {
    init(code) {
      merchantCode = code;
    },
    request_pay(params, callback) {
      if (merchantCode === null) throw new Error("IMP.init must be called before IMP.request_pay");
      const mobile = isMobile();
      decided(openWindow(params || {}, mobile)).then(rsp => {
        if (mobile && params.m_redirect_url) redirect(params.m_redirect_url, rsp);
        else if (typeof callback === "function") callback(rsp);
      });
    },
  };

  // V2: resolves with {paymentId, txId, transactionType, code?, message?}; failure is code !== undefined. On a phone the
  // browser goes to redirectUrl?paymentId=…&txId=…[&code=…&message=…] instead, as PortOne's SDK does.
  window.PortOne = {
    async requestPayment(params) {
      if (!params || !params.storeId || !params.paymentId) throw new Error("PortOne.requestPayment needs storeId and paymentId");
      const mobile = isMobile();
      const windowParams = { merchant_uid: params.paymentId, amount: params.totalAmount, name: params.orderName };
      const rsp = await decided(openWindow(windowParams, mobile, "/sandbox/portone/v2/checkout"));
      const result = { paymentId: rsp.merchant_uid ?? params.paymentId, txId: rsp.imp_uid ?? undefined, transactionType: "PAYMENT" };
      if (rsp.error_code != null) Object.assign(result, { code: rsp.error_code, message: rsp.error_msg ?? "" });
      if (mobile && params.redirectUrl) {
        const target = new URL(params.redirectUrl, window.location.href);
        for (const [key, value] of Object.entries(result)) if (value !== undefined) target.searchParams.set(key, value);
        window.location.assign(target.toString());
        return new Promise(() => {});
      }
      return result;
    },
  };
})();
