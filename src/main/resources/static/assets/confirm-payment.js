// Confirms a renewal payment the member's bank held for them to authenticate, with
// Stripe.js (loaded just before this script): Stripe shows the bank's check, then the
// member goes to the form's action, where the server asks Stripe how the payment stands.
(function () {
  var form = document.getElementById('confirm-payment');
  if (!form || typeof Stripe !== 'function') {
    return;
  }
  var error = document.getElementById('confirm-error');
  var stripe = Stripe(form.dataset.publishableKey);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button');
    button.disabled = true;
    error.hidden = true;
    var data = form.dataset.paymentMethod ? { payment_method: form.dataset.paymentMethod } : undefined;
    stripe.confirmCardPayment(form.dataset.clientSecret, data).then(function (result) {
      if (result.error) {
        error.textContent = result.error.message || 'Your payment could not be confirmed. Please try again.';
        error.hidden = false;
        button.disabled = false;
        return;
      }
      window.location.assign(form.action);
    });
  });
})();
