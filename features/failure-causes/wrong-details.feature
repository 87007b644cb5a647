@wrong-details @regression
Feature: Retrying with details that do not match the document
  The guide's first cause: a name, ID number or date of birth typed differently from the document
  fails on a mismatch, and the next retry points at the field to correct.

  Scenario Outline: A mismatch is reported and the next retry highlights the field
    Given a user whose verification failed because the photo was blurry
    When she logs in
    And she opens identity verification from the personal center
    And she retries with her <document> and a mistake in her <field>
    And the review has run
    Then she sees that her verification failed because the <field> did not match
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
