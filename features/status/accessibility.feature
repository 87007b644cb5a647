@accessibility @regression
Feature: The verification pages can be used with assistive technology
  The status page and the form have no serious or critical accessibility problems (axe-core), on the
  website and in the app alike.

  Scenario Outline: The status page of a rejected user is accessible
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    Then she sees that her verification failed because the photo was blurry
    And the page has no serious or critical accessibility problems

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |

  Scenario Outline: The retry form is accessible
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries
    Then she is asked for her details again
    And the page has no serious or critical accessibility problems

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |
