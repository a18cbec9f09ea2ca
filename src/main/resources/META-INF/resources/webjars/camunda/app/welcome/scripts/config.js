// The webapps' start and "My profile" page, which agents reach from Tasklist's account menu
// (README, "Tasklist, Cockpit and Admin as the desk"). This file replaces the webjar's
// scripts/config.js, which sets nothing: the desk's name in the header and the page title, and no
// "Welcome to Camunda" first-visit box on the sign-in page.
export default {
  app: {
    vendor: 'Client Services Desk',
    name: 'Welcome'
  },
  disableWelcomeMessage: true
};
