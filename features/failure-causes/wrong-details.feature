@wrong-details @regression
Feature: Retrying with details that do not match the document
  The guide's first cause: a name, ID number or date of birth typed differently from the document
  fails on a mismatch, even when a single character in the middle of the name is wrong, and the next
  retry points at the field to correct. A passport name typed in pinyin in the other order is the same
  name, and passes.

  Scenario Outline: A mismatch is reported and the next retry highlights the field
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with her <document> and a mistake in her <field>
    And the review has run
    Then she sees that her verification failed because the <field> did not match, and for nothing else
    And she is notified that her verification failed because the <field> did not match
    When she retries
    Then her <field> is highlighted for correction
    And her last details are filled in again, without the photos

    @web
    Examples: on the website
      | document | field         |
      | ID card  | name          |
      | ID card  | ID number     |
      | passport | date of birth |

    @mobile
    Examples: on the phone app
      | document | field         |
      | ID card  | name          |
      | ID card  | ID number     |
      | passport | date of birth |

  Scenario Outline: One wrong character in the middle of the name is a mismatch
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with her ID card and one character in the middle of her name wrong
    And the review has run
    Then she sees that her verification failed because the name did not match, and for nothing else

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |

  Scenario Outline: A passport name in pinyin with the given name first is accepted
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with her passport and her name in pinyin, given name first
    And the review has run
    Then she sees that her verification is approved
    And she is notified that her verification was approved

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |
