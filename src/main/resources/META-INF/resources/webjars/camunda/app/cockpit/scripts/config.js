// Cockpit as the desk's operators see it (README, "Tasklist, Cockpit and Admin as the desk"). This file
// replaces the webjar's scripts/config.js, which sets nothing: every other setting keeps the
// webapp's default. The desk's name goes in the header and the page title ("Client Services Desk
// Cockpit"); Camunda's notices (the Camunda 8 migration banner, the first-visit box) stay, they are
// meant for the people who run the platform.
export default {
  app: {
    vendor: 'Client Services Desk',
    name: 'Cockpit'
  }
};
