// Tasklist as the agents see it (README, "Tasklist, Cockpit and Admin as the desk"). This file
// replaces the webjar's scripts/config.js, so it keeps the webjar's settings (the shortcuts) and
// adds the desk's: its name in the header and the page title ("Client Services Desk Tasklist"), and
// no "Welcome to Camunda" first-visit box on the sign-in page. The look (no vendor logo, no
// Camunda 8 migration banner) is in ../styles/user-styles.css.
export default {
  app: {
    vendor: 'Client Services Desk',
    name: 'Tasklist'
  },
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
